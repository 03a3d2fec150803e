import { describe, expect, it } from 'vitest';
import { readPom, resolvePomValue } from './read-pom';

const minimal = '<project><artifactId>a</artifactId><version>1</version></project>';

describe('readPom', () => {
  it.each([
    ['a UTF-8 byte order mark', `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n${minimal}`],
    [
      'CRLF line ends, a DOCTYPE and entities',
      '<?xml version="1.0"?>\r\n<!DOCTYPE project>\r\n<project>\r\n<artifactId>a</artifactId><version>1</version><name>A &amp; B &#169;</name></project>\r\n',
    ],
    ['no XML declaration', minimal],
    [
      'comments that look like elements',
      `<!-- <artifactId>b</artifactId> -->\n<project><!-- <version>9</version> -->${minimal.slice('<project>'.length)}`,
    ],
  ])('accepts %s', (_name, xml) => {
    expect(readPom(xml, 'pom.xml', 'p')).toMatchObject({ artifactId: 'a', version: '1', packaging: 'jar' });
  });

  it('reads one <module> as a list, the parent with an empty relativePath, and mainClass from any plugin configuration', () => {
    const pom = readPom(
      `<project><parent><artifactId>root</artifactId><relativePath/></parent><artifactId>a</artifactId><packaging>pom</packaging>
        <modules><module>libs/one</module></modules>
        <build><plugins><plugin><artifactId>exec-maven-plugin</artifactId><configuration><mainClass>com.example.Main</mainClass></configuration></plugin></plugins></build></project>`,
      'pom.xml',
      'p',
    );
    expect(pom).toMatchObject({
      modules: ['libs/one'],
      parent: { artifactId: 'root', relativePath: '' },
      mainClass: 'com.example.Main',
      packaging: 'pom',
    });
  });

  it.each([
    [
      'an unclosed element',
      '<project>\n  <artifactId>a</artifactId>\n  <version>1\n</project>',
      /line 4, column 1: Expected closing tag 'version' \(opened in line 3/,
    ],
    ['text before the declaration', '\n<?xml version="1.0"?><project/>', /line 2/],
    ['a root that is not <project>', '<settings><localRepository/></settings>', /no <project> root element/],
  ])('refuses %s, naming the file and where', (_name, xml, where) => {
    expect(() => readPom(xml, 'apps/a/pom.xml', 'a')).toThrow(/project "a": apps\/a\/pom\.xml: .*/);
    expect(() => readPom(xml, 'apps/a/pom.xml', 'a')).toThrow(where);
  });

  it('resolves ${...} through several levels and leaves unknown ones', () => {
    expect(resolvePomValue('${a}-${missing}', { a: '${b}', b: '2.0' })).toBe('2.0-${missing}');
  });
});
