//! Stable event UIDs: a name-based UUID version 5 (RFC 9562, SHA-1) of a key such as the
//! event's content path, in twinsite's own namespace. Same on every build and host, and
//! free of domains or user data (RFC 7986 §5.3). Includes a small SHA-1, used only here.

/// twinsite's UUID namespace: `uuid5(NAMESPACE_URL, "twinsite:calendar:event")`.
const NAMESPACE: [u8; 16] = [
    0xca, 0x63, 0x01, 0xe8, 0x86, 0x1d, 0x50, 0x69, 0x8f, 0x7f, 0xc0, 0x98, 0x69, 0xa8, 0x3e, 0x35,
];

fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut msg = data.to_vec();
    let bits = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_be_bytes());
    for block in msg.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            (e, d, c, b, a) = (d, c, b.rotate_left(30), a, t);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (chunk, x) in out.chunks_exact_mut(4).zip(h) {
        chunk.copy_from_slice(&x.to_be_bytes());
    }
    out
}

fn uuid5(namespace: &[u8; 16], name: &str) -> String {
    let mut input = namespace.to_vec();
    input.extend_from_slice(name.as_bytes());
    let mut b = sha1(&input);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(36);
    for (i, x) in b[..16].iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(HEX[usize::from(x >> 4)]));
        out.push(char::from(HEX[usize::from(x & 0x0f)]));
    }
    out
}

/// A stable UID for the event identified by `key` (use the content path relative to
/// `content/`, with `/` separators, e.g. `events/2026/brunch.md`): a UUID version 5 in
/// twinsite's namespace, e.g. `a714490d-1c40-5971-b8a2-6955f2d329f3`.
pub fn uid_for(key: &str) -> String {
    uuid5(&NAMESPACE, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_known_vectors() {
        let hex = |b: [u8; 20]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(
            hex(sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(
            hex(sha1(long.as_bytes())),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
    }

    #[test]
    fn uuid5_matches_reference() {
        const DNS: [u8; 16] = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            uuid5(&DNS, "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
        // Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "twinsite:calendar:event"), key)
        assert_eq!(
            uid_for("events/2026/brunch.md"),
            "a714490d-1c40-5971-b8a2-6955f2d329f3"
        );
    }

    #[test]
    fn uid_for_is_stable_and_distinct() {
        assert_eq!(uid_for("events/a.md"), uid_for("events/a.md"));
        assert_ne!(uid_for("events/a.md"), uid_for("events/b.md"));
        assert_ne!(uid_for("events/a.md"), uid_for("events/a.md "));
        assert!(!uid_for("events/a.md").contains('@'));
    }
}
