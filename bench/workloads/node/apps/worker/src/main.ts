// A sibling project: the bench's "another project's dependency change" adds a package for it.
import { greet } from '@nest-nx/greeting';

setInterval(() => console.log(greet('worker')), 60_000);
