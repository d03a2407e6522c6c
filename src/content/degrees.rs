//! Coordinates written as degrees, minutes and seconds (`49° 21' N`), turned into the decimal
//! degrees that `lat`, `lon`, `--lat` and `--lon` take, so a mistake can name the value meant.

/// `49° 21' N` or `8°8′24″ O` in decimal degrees, rounded to five places (about a metre), as
/// text; `None` when `s` is not degrees with minutes or seconds.
pub fn degrees_minutes(s: &str) -> Option<String> {
    let marked = s.contains(['°', '\'', '′', '"', '″']);
    let south_west = s.trim_end().ends_with(['S', 's', 'W', 'w']);
    let parts: Vec<f64> = s
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .filter(|p| !p.is_empty())
        .map(|p| p.replace(',', ".").parse::<f64>())
        .collect::<Result<_, _>>()
        .ok()?;
    if !marked || parts.is_empty() || parts.len() > 3 {
        return None;
    }
    let value = parts
        .iter()
        .zip([1.0, 60.0, 3600.0])
        .map(|(p, d)| p / d)
        .sum::<f64>();
    let value = if south_west { -value } else { value };
    Some(((value * 100_000.0).round() / 100_000.0).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_minutes_and_seconds_become_decimal_degrees() {
        assert_eq!(degrees_minutes("49° 21' N").as_deref(), Some("49.35"));
        assert_eq!(degrees_minutes("45°45′N").as_deref(), Some("45.75"));
        assert_eq!(degrees_minutes("3° 22' 12\" W").as_deref(), Some("-3.37"));
        assert_eq!(degrees_minutes("33° 52' S").as_deref(), Some("-33.86667"));
        assert_eq!(degrees_minutes("8°8′24″ O").as_deref(), Some("8.14"));
        assert_eq!(degrees_minutes("8°8′24″ W").as_deref(), Some("-8.14"));
        assert_eq!(degrees_minutes("abc"), None);
        assert_eq!(degrees_minutes("abc°"), None);
        assert_eq!(degrees_minutes("49.35"), None, "no degree marks");
        assert_eq!(degrees_minutes("1° 2' 3\" 4"), None, "four numbers");
    }
}
