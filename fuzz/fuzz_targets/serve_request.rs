//! The preview server's request parser: any bytes as a request head. A parsed path must be
//! safe to look up: absolute, decoded, without `.`/`..` segments, empty inner segments,
//! control characters or backslashes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twinsite::serve::parse_request_head;

fuzz_target!(|data: &[u8]| {
    let Some(head) = parse_request_head(data) else { return };
    assert!(!head.method.is_empty());
    if let Some(path) = head.path {
        assert!(path.starts_with('/'), "{path:?}");
        assert!(!path.chars().any(|c| c.is_control() || c == '\\'), "{path:?}");
        let segments: Vec<&str> = path.split('/').skip(1).collect();
        let last = segments.len() - 1;
        for (i, s) in segments.iter().enumerate() {
            assert!(*s != "." && *s != "..", "{path:?}");
            assert!(!s.is_empty() || i == last, "{path:?}");
        }
    }
    if head.host_allowed
        && let Some(host) = &head.host
    {
        let name = host.to_ascii_lowercase();
        assert!(
            name.starts_with("localhost")
                || name.contains(".localhost")
                || name.starts_with("127.")
                || name.starts_with("[::1]")
                || name.starts_with("[0:0:0:0:0:0:0:1]")
                || name.contains(':') && !name.contains('.'),
            "a non-loopback host was allowed: {host:?}"
        );
    }
});
