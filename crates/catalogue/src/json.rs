//! A small JSON reader for catalogues: a tree of values, each with the line
//! and column where it starts, so that the decoder can name the exact path
//! and position of a wrong value.
//!
//! Written for the widget's size: serde_json and the derived deserializers
//! were a large share of the wasm bundle. It reads RFC 8259 JSON; the messages
//! follow serde_json's wording. Numbers keep their text: the catalogue only
//! needs integers (its `version`).

/// A parsed value and where it starts (a byte offset: see [`position`]).
#[derive(Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub offset: usize,
}

#[derive(Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's text, as written (validated against the JSON grammar).
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in document order; duplicate keys are kept for the decoder to refuse.
    Object(Vec<(String, Node)>),
}

/// A syntax error and where it is.
#[derive(Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: &'static str,
    /// Arrays and objects nest deeper than the limit given to [`parse`]
    /// (the text is refused there, before the parser recurses further).
    pub too_deep: bool,
}

/// Parses one JSON document (whitespace around it allowed), with arrays and
/// objects nested at most `max_depth` deep.
pub fn parse(text: &str, max_depth: usize) -> Result<Node, SyntaxError> {
    let mut p = Parser {
        text,
        pos: 0,
        depth: 0,
        max_depth,
    };
    p.skip_whitespace();
    let node = p.value()?;
    p.skip_whitespace();
    if p.pos < p.text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(node)
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
/// Computed only for a message: a position per value would cost a scan of
/// its line, and a catalogue may be one long line.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    (line, column)
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next byte to read.
    pos: usize,
    /// Arrays and objects open around the cursor.
    depth: usize,
    max_depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        let (line, column) = position(self.text, self.pos);
        SyntaxError {
            line,
            column,
            message,
            too_deep: false,
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\r' | b'\n') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<Node, SyntaxError> {
        let offset = self.pos;
        let value = match self.peek() {
            None => return Err(self.error("EOF while parsing a value")),
            Some(b'{' | b'[') => self.nested()?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(_) => return Err(self.error("expected value")),
        };
        Ok(Node { value, offset })
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b) if b == expected => self.pos += 1,
                Some(_) => return Err(self.error("expected ident")),
            }
        }
        Ok(value)
    }

    fn number(&mut self) -> Result<String, SyntaxError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let from = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.pos += 1;
            }
            p.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if !digits(self) {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        // Only ASCII digits and signs were read: the range ends on char boundaries.
        Ok(self.text[start..self.pos].to_string())
    }

    /// A string; the cursor is on its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    // The input is a &str and escapes write whole chars: valid UTF-8.
                    return Ok(String::from_utf8(out).unwrap_or_default());
                }
                b'\\' => {
                    self.pos += 1;
                    let c = self.escape()?;
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1F => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                _ => {
                    out.push(b);
                    self.pos += 1;
                }
            }
        }
    }

    /// The char of an escape; the cursor is after the backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(b) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = match first {
                    0xD800..=0xDBFF => {
                        if self.text.as_bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        self.pos += 2;
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    }
                    0xDC00..=0xDFFF => {
                        return Err(self.error("lone trailing surrogate in hex escape"))
                    }
                    code => code,
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut n = 0;
        for _ in 0..4 {
            let Some(b) = self.peek() else {
                return Err(self.error("EOF while parsing a string"));
            };
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error("invalid escape")),
            };
            n = n * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(n)
    }

    /// An array or an object, one level deeper; the cursor is on its bracket.
    fn nested(&mut self) -> Result<Value, SyntaxError> {
        if self.depth == self.max_depth {
            return Err(SyntaxError {
                too_deep: true,
                ..self.error("nests too deep")
            });
        }
        self.depth += 1;
        let value = if self.peek() == Some(b'{') {
            self.object()
        } else {
            self.array()
        };
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            match self.peek() {
                Some(b':') => self.pos += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            self.skip_whitespace();
            members.push((key, self.value()?));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> (usize, usize, &'static str) {
        let e = parse(text, 16).unwrap_err();
        (e.line, e.column, e.message)
    }

    #[test]
    fn reads_values_with_their_positions() {
        let node = parse(
            "{\n  \"a\": [1, -2.5e3, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"\n}",
            2,
        )
        .unwrap();
        let Value::Object(members) = node.value else {
            panic!("not an object")
        };
        assert_eq!(members[0].0, "a");
        assert_eq!(members[0].1.offset, 9);
        assert_eq!(position("{\n  \"a\": [1", 9), (2, 8));
        let Value::Array(items) = &members[0].1.value else {
            panic!("not an array")
        };
        assert_eq!(items[1].value, Value::Number("-2.5e3".into()));
        assert_eq!(items[2].value, Value::Bool(true));
        assert_eq!(items[3].value, Value::Null);
        assert_eq!(members[1].1.value, Value::String("xé😀\n".into()));
    }

    #[test]
    fn nesting_past_the_limit_is_refused_at_its_bracket() {
        assert!(parse("[[1]]", 2).is_ok());
        let e = parse("[[[1]]]", 2).unwrap_err();
        assert_eq!((e.line, e.column, e.too_deep), (1, 3, true));
        // Brackets inside strings do not count.
        assert!(parse("[\"[[[[\"]", 1).is_ok());
        assert!(!parse("[1,", 2).unwrap_err().too_deep);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(err("[\"功能\", oops]"), (1, 8, "expected value"));
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        assert_eq!(err(""), (1, 1, "EOF while parsing a value"));
        assert_eq!(err("{\"a\" 1}"), (1, 6, "expected `:`"));
        assert_eq!(err("{\"a\": 1,}"), (1, 9, "key must be a string"));
        assert_eq!(err("[1 2]"), (1, 4, "expected `,` or `]`"));
        assert_eq!(err("[1,"), (1, 4, "EOF while parsing a value"));
        assert_eq!(err("{\"a\": 1"), (1, 8, "EOF while parsing an object"));
        assert_eq!(err("01"), (1, 2, "trailing characters"));
        assert_eq!(err("-"), (1, 2, "invalid number"));
        assert_eq!(err("1."), (1, 3, "invalid number"));
        assert_eq!(
            err("\"a\tb\""),
            (
                1,
                3,
                "control character (\\u0000-\\u001F) found while parsing a string"
            )
        );
        assert_eq!(err("\"\\x\""), (1, 3, "invalid escape"));
        assert_eq!(
            err("\"\\ud800\""),
            (1, 8, "lone leading surrogate in hex escape")
        );
        assert_eq!(
            err("\"\\udc00\""),
            (1, 8, "lone trailing surrogate in hex escape")
        );
        assert_eq!(err("tru"), (1, 4, "EOF while parsing a value"));
        assert_eq!(err("nul!"), (1, 4, "expected ident"));
        assert_eq!(err("\"abc"), (1, 5, "EOF while parsing a string"));
    }
}
