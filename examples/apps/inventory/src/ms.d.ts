// ms@2.1.3 ships no types; this keeps the workspace free of @types/ms.
declare module 'ms' {
  function ms(value: string): number;
  function ms(value: number, options?: { long: boolean }): string;
  export = ms;
}
