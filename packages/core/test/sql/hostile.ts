/**
 * A policy whose every string that reaches SQL is hostile: field aliases
 * (source column names), constants, enum members, a group expression used as
 * a column alias, and (from the tests) the table name. Each carries quotes of
 * every kind, backslashes, semicolons and comment markers.
 */
export const HOSTILE_STRINGS = [`x'; DROP TABLE canary; --`, 'a"b', 'c`d', 'e\\f', '/* g', "h' OR '1'='1", 'i\\\'j'];

const dsl = (s: string) => JSON.stringify(s).replace(/\{/g, '\\{').replace(/\}/g, '\\}');

export const HOSTILE_POLICY = `policy hostile "Hostile */ title; --"
  source "quotes ' \\" \` and -- comments /* everywhere */"
  input Row

record Row {
  name: string from ${dsl(`na'me"; DROP TABLE canary; --`)}
  day: date from ${dsl('da`y\\')}
  channel: string?
  kind: enum(plain, fancy)?
}

const bad = [${HOSTILE_STRINGS.map(dsl).join(', ')}]

metric hits "Hits; DROP TABLE canary" {
  rate channel in bad or name == ${dsl(`it's "quoted" -- here`)}
  where not (channel contains ${dsl("'; --")})
  over 3 days by day
  group by lower(name)
}

rule hits error "Hits are {hits}" {
  require hits < 50%
}
`;

export const HOSTILE_TABLE = `orders"\`; DROP TABLE canary; --'`;
