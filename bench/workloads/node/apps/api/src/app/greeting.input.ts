import { IsAlpha, Length } from 'class-validator';

export class GreetingInput {
  @IsAlpha()
  @Length(1, 40)
  name!: string;
}
