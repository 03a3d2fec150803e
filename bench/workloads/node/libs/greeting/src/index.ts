export function greet(name: string): string {
  const proper = name.charAt(0).toUpperCase() + name.slice(1);
  return `Hello, ${proper}`;
}
