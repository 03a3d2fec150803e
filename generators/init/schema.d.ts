export interface InitGeneratorSchema {
  targetName?: string;
}
