// A file of stray quotes, read on this thread (stray.test.ts) and on worker threads (threads.test.ts).

/** The reason a stray quote gives. */
export const STRAY = "a quote in the middle of an unquoted field (quote the whole field and double inner quotes)";

export const HEADER = "case_id,force,reported_on,notes";
/** Stray quotes of every kind, each next to records that are fine, with CRLF, an empty line and cells over two lines. */
export const STRAYS = [
  HEADER,
  "A1,Norfolk,2015-07-02,ok",
  'A2,Norfolk,2015-07-02,He said "no" later',
  'A3,"Norfolk",2015-07-02,"He said "no" later"',
  'A4,Norfolk,2015-07-02,"two\nlines, ""quoted"""',
  // The rest of a cell over two lines after a stray quote is a record of its own (with a stray quote of its own).
  'A5,No"rfolk,2015-07-02,"x\ny"',
  "A6,Norfolk,2015-07-02,ok\r",
  'A7,Kent,2015-07-02,x"\r',
  "",
  'A8,Kent,2015-07-02,"a ""quoted"" word"',
  '"A9",Kent,2015-07-02,"ok"\r"',
  'A10,"Kent"shire,2015-07-02,ok',
  "A11,Kent,2015-07-02,ok",
].join("\n");
