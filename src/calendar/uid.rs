//! Stable event UIDs: a name-based UUID version 5 (RFC 9562, SHA-1) of a key such as the
//! event's content path, in twinsite's own namespace. Same on every build and host, and
//! free of domains or user data (RFC 7986 §5.3). Calendar apps key on them, so they never
//! change between versions; the tests pin them.

use uuid::Uuid;

/// twinsite's UUID namespace: `uuid5(NAMESPACE_URL, "twinsite:calendar:event")`.
const NAMESPACE: Uuid = Uuid::from_u128(0xca6301e8_861d_5069_8f7f_c09869a83e35);

/// A stable UID for the event identified by `key` (the build passes the event file's path
/// below the site folder, with `/` separators, e.g. `content/events/2026/brunch.md`): a UUID
/// version 5 in twinsite's namespace, lowercase and hyphenated, e.g.
/// `a714490d-1c40-5971-b8a2-6955f2d329f3` for `events/2026/brunch.md`.
pub fn uid_for(key: &str) -> String {
    Uuid::new_v5(&NAMESPACE, key.as_bytes()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_is_derived_from_the_url_namespace() {
        assert_eq!(
            Uuid::new_v5(&Uuid::NAMESPACE_URL, b"twinsite:calendar:event"),
            NAMESPACE
        );
        assert_eq!(
            NAMESPACE.to_string(),
            "ca6301e8-861d-5069-8f7f-c09869a83e35"
        );
    }

    /// UIDs published by earlier versions; each also matches Python's
    /// `uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "twinsite:calendar:event"), key)`.
    #[test]
    fn uids_stay_what_subscribers_already_have() {
        let long = format!("content/events/2027/{}.md", "sehr-langer-name-".repeat(8));
        let pinned = [
            (
                "events/2026/brunch.md",
                "a714490d-1c40-5971-b8a2-6955f2d329f3",
            ),
            (
                "content/events/2026/buergerreise-krakau.md",
                "87ae404a-0661-5dba-85ed-ccde8769d363",
            ),
            (
                "content/events/2026/städtefest-łódź.md",
                "8f00c96b-0d6d-5d8a-978a-493a91bd6738",
            ),
            (
                "content/events/Ласкаво просимо 欢迎.md",
                "99d5a6f5-b09c-50f8-9561-aa0f0a5975e3",
            ),
            (long.as_str(), "a64081a5-d635-5f87-96cf-3a99fe945cf0"),
            ("", "54ef7e95-c093-5929-ab0f-994bc5d9e45c"),
        ];
        for (key, uid) in pinned {
            assert_eq!(uid_for(key), uid, "{key:?}");
        }
    }

    #[test]
    fn uids_differ_by_key_and_name_no_host() {
        assert_ne!(uid_for("events/a.md"), uid_for("events/b.md"));
        assert_ne!(uid_for("events/a.md"), uid_for("events/a.md "));
        assert!(!uid_for("events/a.md").contains('@'));
    }
}
