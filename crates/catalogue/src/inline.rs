//! Inline text (`plain text and [links](url)`) and link safety.
//!
//! Catalogue text is never HTML: it is parsed here into segments that the
//! widget renders as text nodes and `<a>` elements. The syntax and which
//! links are allowed are described in `docs/catalogue-format.md`.

use thiserror::Error;

/// A piece of inline text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Link { text: String, url: String },
}

/// Parses `text` into text and link segments.
///
/// A link is `[text](url)` with non-empty text and a url without whitespace.
/// Anything that does not form a link stays literal text, so parsing never
/// fails; whether a link's url is acceptable is [`check_link`]'s job.
pub fn parse_inline(text: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        match link_at(&rest[open..]) {
            Some((link_text, url, consumed)) => {
                plain.push_str(&rest[..open]);
                if !plain.is_empty() {
                    segments.push(Segment::Text(std::mem::take(&mut plain)));
                }
                segments.push(Segment::Link {
                    text: link_text.to_string(),
                    url: url.to_string(),
                });
                rest = &rest[open + consumed..];
            }
            None => {
                plain.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        segments.push(Segment::Text(plain));
    }
    segments
}

/// If `s` starts with `[text](url)`, returns text, url and the bytes consumed.
fn link_at(s: &str) -> Option<(&str, &str, usize)> {
    let close = s.find(']')?;
    let text = &s[1..close];
    if text.is_empty() || text.contains('[') {
        return None;
    }
    let after = &s[close + 1..];
    let inner = after.strip_prefix('(')?;
    let end = inner.find(')')?;
    let url = &inner[..end];
    if url.is_empty() || url.chars().any(char::is_whitespace) {
        return None;
    }
    Some((text, url, close + 1 + 1 + end + 1))
}

/// What kind of target a link has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `#anchor` on the same page.
    Fragment,
    /// A path, absolute (`/docs/…`) or relative (`docs/…`, `?q`).
    Relative,
    /// `http://…` or `https://…`.
    Absolute,
}

/// Why a link was refused.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LinkError {
    #[error("link is empty")]
    Empty,
    #[error("link contains whitespace or control characters")]
    Whitespace,
    #[error(
        "link scheme \"{0}:\" is not allowed; use a relative path, a #fragment, http: or https:"
    )]
    Scheme(String),
    #[error("protocol-relative link (//host) is not allowed; write https://")]
    ProtocolRelative,
    #[error("link has no host")]
    NoHost,
}

/// Checks that `url` is a relative path, a fragment, or an `http(s)` URL.
///
/// Browsers drop tabs and newlines inside URLs and strip leading control
/// characters, so any whitespace or control character is refused outright:
/// `java\tscript:` must never reach an `href`.
pub fn check_link(url: &str) -> Result<LinkKind, LinkError> {
    if url.is_empty() {
        return Err(LinkError::Empty);
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return Err(LinkError::Whitespace);
    }
    if url.starts_with('#') {
        return Ok(LinkKind::Fragment);
    }
    if url.starts_with("//") || url.starts_with("\\\\") || url.starts_with("/\\") {
        return Err(LinkError::ProtocolRelative);
    }
    match scheme_of(url) {
        None => Ok(LinkKind::Relative),
        Some(scheme)
            if scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https") =>
        {
            let rest = &url[scheme.len() + 1..];
            let host = rest.strip_prefix("//").ok_or(LinkError::NoHost)?;
            if host.is_empty() || host.starts_with('/') {
                return Err(LinkError::NoHost);
            }
            Ok(LinkKind::Absolute)
        }
        Some(scheme) => Err(LinkError::Scheme(scheme.to_ascii_lowercase())),
    }
}

/// Zero-width and bidi-control characters, which can disguise a link.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The text before a colon that comes before any `/`, `?` or `#`: a scheme
/// to a browser. Text that is not a well-formed scheme (`1javascript:`) is
/// returned too, so that it is refused rather than guessed about.
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    (!candidate.contains(['/', '?', '#'])).then_some(candidate)
}

/// Resolves a checked link against the catalogue's `base_url`.
///
/// Returns `None` when the link is not safe: the renderer calls this for
/// every `href`, so an unsafe link never becomes one even if validation was
/// skipped.
pub fn resolve_link(base_url: Option<&str>, url: &str) -> Option<String> {
    let kind = check_link(url).ok()?;
    let base = base_url.filter(|b| check_link(b) == Ok(LinkKind::Absolute));
    Some(match (kind, base) {
        (LinkKind::Absolute, _) | (LinkKind::Fragment, _) | (_, None) => url.to_string(),
        (LinkKind::Relative, Some(base)) => {
            let after_scheme = base.find("//").map_or(0, |i| i + 2);
            let origin_end = base[after_scheme..]
                .find(['/', '?', '#'])
                .map_or(base.len(), |i| after_scheme + i);
            if url.starts_with('/') {
                format!("{}{}", &base[..origin_end], url)
            } else {
                let path = &base[origin_end..];
                let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
                let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
                let dir = if dir.is_empty() { "/" } else { dir };
                format!("{}{}{}", &base[..origin_end], dir, url)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_one_segment() {
        assert_eq!(parse_inline("无"), vec![Segment::Text("无".into())]);
        assert_eq!(parse_inline(""), vec![]);
    }

    #[test]
    fn links_split_text() {
        assert_eq!(
            parse_inline(
                "根据我们的[安全漏洞处理规范](/zh/about/security-vulnerabilities/)进行处理"
            ),
            vec![
                Segment::Text("根据我们的".into()),
                Segment::Link {
                    text: "安全漏洞处理规范".into(),
                    url: "/zh/about/security-vulnerabilities/".into()
                },
                Segment::Text("进行处理".into()),
            ]
        );
    }

    #[test]
    fn broken_link_syntax_stays_text() {
        for s in ["[a](b", "[](x)", "a]b(c)", "[a] (b)", "[a](b c)", "[[a](b)"] {
            let joined: String = parse_inline(s)
                .into_iter()
                .map(|seg| match seg {
                    Segment::Text(t) => t,
                    Segment::Link { text, url } => format!("<{text}|{url}>"),
                })
                .collect();
            if s == "[[a](b)" {
                assert_eq!(joined, "[<a|b>");
            } else {
                assert_eq!(joined, s, "{s}");
            }
        }
    }

    #[test]
    fn safe_links_are_accepted() {
        assert_eq!(check_link("/zh/docs/setup/"), Ok(LinkKind::Relative));
        assert_eq!(check_link("docs/x?y=1#z"), Ok(LinkKind::Relative));
        assert_eq!(check_link("#core"), Ok(LinkKind::Fragment));
        assert_eq!(check_link("https://istio.io/"), Ok(LinkKind::Absolute));
        assert_eq!(check_link("HTTP://example.com"), Ok(LinkKind::Absolute));
        assert_eq!(check_link("/docs/a:b"), Ok(LinkKind::Relative));
    }

    #[test]
    fn unsafe_links_are_refused() {
        assert_eq!(
            check_link("javascript:alert(1)"),
            Err(LinkError::Scheme("javascript".into()))
        );
        assert_eq!(
            check_link("JaVaScRiPt:alert(1)"),
            Err(LinkError::Scheme("javascript".into()))
        );
        assert_eq!(
            check_link("data:text/html,x"),
            Err(LinkError::Scheme("data".into()))
        );
        assert_eq!(
            check_link("java\tscript:alert(1)"),
            Err(LinkError::Whitespace)
        );
        assert_eq!(
            check_link(" javascript:alert(1)"),
            Err(LinkError::Whitespace)
        );
        assert_eq!(
            check_link("\u{200B}javascript:x"),
            Err(LinkError::Whitespace)
        );
        assert_eq!(
            check_link("//evil.example"),
            Err(LinkError::ProtocolRelative)
        );
        assert_eq!(check_link("https:evil"), Err(LinkError::NoHost));
        assert_eq!(check_link(""), Err(LinkError::Empty));
        assert!(matches!(
            check_link("1javascript:x"),
            Err(LinkError::Scheme(_))
        ));
    }

    #[test]
    fn relative_links_resolve_against_base_url() {
        let base = Some("https://istio.io");
        assert_eq!(
            resolve_link(base, "/zh/docs/setup/").as_deref(),
            Some("https://istio.io/zh/docs/setup/")
        );
        assert_eq!(resolve_link(base, "#x").as_deref(), Some("#x"));
        assert_eq!(
            resolve_link(base, "https://a.b/c").as_deref(),
            Some("https://a.b/c")
        );
        assert_eq!(
            resolve_link(Some("https://a.b/docs/page"), "other").as_deref(),
            Some("https://a.b/docs/other")
        );
        assert_eq!(resolve_link(None, "/zh/").as_deref(), Some("/zh/"));
        assert_eq!(resolve_link(base, "javascript:alert(1)"), None);
        assert_eq!(
            resolve_link(Some("javascript:x"), "/a").as_deref(),
            Some("/a")
        );
    }
}
