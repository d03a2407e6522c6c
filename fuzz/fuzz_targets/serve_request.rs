//! The preview server's request parser: any bytes as a request head. A parsed path must be
//! safe to look up: absolute, decoded, without `.`/`..` segments, empty inner segments,
//! control characters or backslashes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twinsite::serve::parse_request_head;

fuzz_target!(|data: &[u8]| {
    let Some(head) = parse_request_head(data) else {
        return;
    };
    assert!(!head.method.is_empty());
    if let Some(path) = head.path {
        assert!(path.starts_with('/'), "{path:?}");
        assert!(
            !path.chars().any(|c| c.is_control() || c == '\\'),
            "{path:?}"
        );
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
        assert!(
            names_loopback(host),
            "a non-loopback host was allowed: {host:?}"
        );
    }
});

/// Whether the host name of a `Host` value (`name`, `name:port`, `[v6]:port`; the port is
/// not looked at) is `localhost`, a `.localhost` name or a loopback address.
fn names_loopback(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
