use super::*;

#[test]
fn the_quick_escape_answers_agree_with_the_definition() {
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        assert_eq!(needs_escape(c), syntax::escapable(c), "U+{:04X}", c as u32);
    }
}

fn message(source: &str) -> Template {
    Template::parse(source, Context::Message).unwrap()
}

/// A plain template's key, worked out without parsing it, is its parsed key: for every built-in
/// message form.
#[test]
fn a_plain_templates_key_is_its_parsed_key() {
    for catalog in crate::catalog::Catalogs::builtin().catalogs {
        for entry in catalog.entries.iter() {
            for form in entry
                .message_forms()
                .iter()
                .filter(|f| f.plain_source().is_some())
            {
                assert_eq!(
                    form.key().to_lowercase(),
                    form.parts().key_lower,
                    "{}",
                    form.source()
                );
            }
        }
    }
}

/// A message of plain words is found by hand where its regex would find it, on random templates
/// and texts of their words in other cases, other white space, full stops, and noise.
#[test]
fn plain_messages_are_found_as_their_regexes_find_them() {
    const WORDS: &[&str] = &[
        "Backend", "timeout", "x-date", "is", "out", "of", "date.", ".", "a", "K",
    ];
    const GLUE: &[&str] = &[
        " ", "  ", "\t", "\n", "\u{0B}", "\u{0C}", ".", "", "x", "é", " \r\n ",
    ];
    let mut rng = fastrand::Rng::with_seed(3);
    let mut decided = 0;
    for _ in 0..4_000 {
        let pick = |rng: &mut fastrand::Rng, list: &[&'static str]| list[rng.usize(..list.len())];
        let mut source = String::new();
        for i in 0..rng.usize(1..5) {
            if i > 0 {
                source += [" ", " ", "  ", "\t"][rng.usize(..4)];
            }
            source += pick(&mut rng, WORDS);
        }
        if rng.bool() {
            source.push('.');
        }
        let template = message(&source);
        let mut text = String::new();
        for _ in 0..rng.usize(0..8) {
            let word = pick(&mut rng, WORDS);
            text += &match rng.u8(0..3) {
                0 => word.to_ascii_uppercase(),
                1 => word[..rng.usize(..=word.len())].to_string(),
                _ => word.to_string(),
            };
            text += pick(&mut rng, GLUE);
        }
        if rng.bool() {
            text = format!("{text}{source}{}", pick(&mut rng, GLUE));
        }
        let regex = pattern::compile(&pattern::regex_pattern(
            &template.parts().segments,
            Context::Message,
            true,
        ));
        let expected = regex.find(&text).map(|m| m.range());
        if let Some(found) = pattern::find_plain_ascii(&source, &text) {
            decided += 1;
            assert_eq!(found, expected, "{source:?} in {text:?}");
        }
        let whole = expected
            .as_ref()
            .map(|r| r.start == 0 && r.end == text.len());
        assert_eq!(
            template.find(&text).map(|(_, w)| w),
            whole,
            "{source:?} in {text:?}"
        );
    }
    assert!(decided > 2_000, "{decided}");
}

#[test]
fn literal_length_counted_on_the_source_agrees_with_the_parse() {
    for source in [
        "Backend timeout.",
        "Missing {param}.",
        "{a}{b_2} x {{literal}} }} {{",
        "后端超时 {param}",
        "There is no api match uri[{uri}]",
    ] {
        let parsed = Parts::of(source).unwrap().segments;
        let expected: usize = parsed
            .iter()
            .map(|s| match s {
                Segment::Literal(text) => text.chars().count(),
                Segment::Placeholder(_) => 0,
            })
            .sum();
        assert_eq!(literal_chars(source), Some(expected), "{source}");
    }
    for invalid in ["{", "}", "{Param}", "a {b", "{a{b}"] {
        assert!(Parts::of(invalid).is_err(), "{invalid}");
        assert_eq!(literal_chars(invalid), None, "{invalid}");
    }
}

#[test]
fn common_words_are_sorted_for_their_search() {
    assert!(COMMON_WORDS.is_sorted(), "keep COMMON_WORDS sorted");
    assert!(COMMON_WORDS.iter().all(|w| *w == w.to_ascii_lowercase()));
    // (A phrase of common words is its own key, less a capitalised first letter a user may retype.)
    assert_eq!(message("Request timeout.").key(), "equest timeout.");
    assert_eq!(message("Backend TIMEOUT of the gateway").key(), "gateway");
}

/// `is_common` says what its definition says: the word, punctuation around it trimmed and lowered in
/// its ASCII letters, is one of `COMMON_WORDS`; for each of them in any case and dress, and others.
#[test]
fn common_words_are_told_as_defined() {
    let defined = |word: &str| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        COMMON_WORDS.contains(&bare.to_ascii_lowercase().as_str())
    };
    let mut words: Vec<String> = Vec::new();
    for w in COMMON_WORDS {
        let upper = w.to_ascii_uppercase();
        words.extend([
            format!("({w}),"),
            format!("{upper}."),
            format!("{w}s"),
            format!("x{w}"),
        ]);
        words.push(w.to_string());
    }
    words.extend(
        [
            "Synchronization",
            "requests:",
            "REQUESTS",
            "internals",
            "超时",
            "é",
            "",
            "...",
        ]
        .map(str::to_string),
    );
    for word in &words {
        assert_eq!(pattern::is_common(word), defined(word), "{word:?}");
    }
}

#[test]
fn caseless_messages_are_found_whole_without_parsing() {
    // As the built-in catalogs make them: parsed when first needed.
    let busy = Template::trusted("请求过频繁", Context::Message);
    assert!(busy.find_folded("timeout", "timeout").is_none());
    assert!(busy.derived.get().is_none(), "not parsed to be ruled out");
    assert!(
        busy.find_folded("错误：请求过频繁", "错误：请求过频繁")
            .is_some()
    );
    // Words apart in the text still make the message, as the regex allows any spacing.
    let spaced = message("参数 不合法");
    assert!(spaced.find_folded("参数  不合法", "参数 不合法").is_some());
    // A final full stop the text dropped for detail, as the regex allows.
    let stopped = message("参数错误.");
    assert!(
        stopped
            .find_folded("参数错误: 缺少 x", "参数错误: 缺少 x")
            .is_some()
    );
}

#[test]
fn escapes_are_literal_text() {
    let t = message("Only support the map_from like method.req.{{path}}.{{}}, but");
    assert!(!t.has_placeholders());
    assert_eq!(
        t.literal().unwrap(),
        "Only support the map_from like method.req.{path}.{}, but"
    );
}

#[test]
fn bracketed_placeholder_takes_everything_to_the_bracket() {
    let t = message("There is no api match uri[{uri}]");
    let (caps, whole) = t.find("There is no api match uri[/v1/orders]").unwrap();
    assert!(whole);
    assert_eq!(caps["uri"], "/v1/orders");
}

#[test]
fn leading_placeholder_takes_one_word_inside_longer_text() {
    let t = message("{param} is mandatory for this action.");
    let (caps, whole) = t
        .find("error: GroupId is mandatory for this action.")
        .unwrap();
    assert!(!whole);
    assert_eq!(caps["param"], "GroupId");
}

#[test]
fn repeated_placeholder_captures_the_first() {
    let t = message("参数 {argument} 取值应该 {param}的{operand1}");
    let (caps, _) = t.find("参数 size 取值应该 limit的10").unwrap();
    assert_eq!(caps["argument"], "size");
    assert_eq!(caps["param"], "limit");
    assert_eq!(caps["operand1"], "10");
}

#[test]
fn code_placeholders_match_whole_tokens_only() {
    let t = Template::parse("Missing{param}", Context::Code).unwrap();
    assert_eq!(t.find("MissingGroupId").unwrap().0["param"], "GroupId");
    assert!(t.find("MissingGroup.Id").is_none());
    assert!(t.find("xMissingGroupId").is_none());
}

#[test]
fn a_final_full_stop_is_optional() {
    let t = message("Incorrect app authentication information.");
    assert!(
        t.find("Incorrect app authentication information")
            .unwrap()
            .1
    );
    assert!(
        t.find("Incorrect app authentication information.")
            .unwrap()
            .1
    );
}

#[test]
fn a_final_full_stop_after_a_quoted_value_is_optional() {
    let t = message("'{value}' not a valid key=value pair in header: '{header}'.");
    for text in [
        "'tok' not a valid key=value pair in header: 'Bearer tok'.",
        "'tok' not a valid key=value pair in header: 'Bearer tok'",
    ] {
        let (captures, _) = t.find(text).unwrap();
        assert_eq!(captures["header"], "Bearer tok", "{text}");
    }
    // After a bare placeholder the full stop still ends the value.
    let t = message("Unknown key {key}.");
    assert_eq!(t.find("Unknown key abc.").unwrap().0["key"], "abc");
}

#[test]
fn number_placeholders_match_digits_only() {
    let t = Template::parse("APIGW.{number}", Context::Code).unwrap();
    assert_eq!(t.find("APIGW.0301").unwrap().0["number"], "0301");
    assert!(t.find("apigw.go").is_none());
}

#[test]
fn white_space_runs_match_any_spacing() {
    let t = message("required for   HMAC Authentication");
    assert!(t.find("required for HMAC\tAuthentication").unwrap().1);
}

#[test]
fn syntax_errors_say_where() {
    let err = Template::parse("abc {Bad}", Context::Message).unwrap_err();
    assert_eq!(err.offset, 4);
    assert!(err.message.contains("invalid placeholder name `{Bad}`"));
    assert_eq!(
        Template::parse("a } b", Context::Message)
            .unwrap_err()
            .offset,
        2
    );
    assert!(
        Template::parse("a {b", Context::Message)
            .unwrap_err()
            .message
            .contains("unclosed")
    );
}

#[test]
fn fill_substitutes_known_captures_and_names_the_rest() {
    let mut caps = Captures::new();
    caps.insert("param".into(), "GroupId".into());
    assert_eq!(
        fill_text("缺少参数 {param} ({other_name}) {{x}}", &caps),
        "缺少参数 GroupId (<other name>) {x}"
    );
    assert_eq!(
        fill_code("Missing{param}.{other}", &caps),
        "MissingGroupId.{other}"
    );
}

/// One or two plain words are generic however long (`Invalid signature`, `Invalid Credentials.`); a
/// longer sentence, a message with a placeholder, or CJK text is weighed by its length alone.
#[test]
fn one_or_two_plain_words_are_generic() {
    for generic in [
        "Invalid signature",
        "Invalid Credentials.",
        "Unauthorized",
        "超时",
    ] {
        assert!(message(generic).is_generic(), "{generic}");
    }
    for distinctive in [
        "Invalid API key in request",
        "Invalid Signature {detail}",
        "HMAC-signature mismatched",
        "签名不一致，请检查签名",
    ] {
        assert!(!message(distinctive).is_generic(), "{distinctive}");
    }
}

/// A quotation mark beside a placeholder may be any of `QUOTES`, and a capitalised first letter either
/// case; the value still ends at its closing mark.
#[test]
fn quotes_vary_and_a_first_letter_may_be_retyped() {
    let action =
        message("The request action=`{action}` is invalid or not found in service=`{service}`.");
    for text in [
        "The request action=`A` is invalid or not found in service=`s`.",
        "the request action=\"A\" is invalid or not found in service='s'.",
    ] {
        let found = action.find_all_exact(text);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].0["action"], "A");
        assert_eq!(found[0].0["service"], "s");
    }
    assert!(
        action
            .find_all_exact("The request action=A is invalid")
            .is_empty()
    );
    let plain = message("Invalid API key in request");
    assert_eq!(
        plain.find_all_exact("x: invalid API key in request").len(),
        1
    );
    assert!(
        plain
            .find_all_exact("x: INVALID API key in request")
            .is_empty()
    );
    assert!(
        message("API key not valid")
            .find_all_exact("aPI key not valid")
            .is_empty()
    );
}

/// What a found text holds verbatim of a template's words: common and short words too, a retyped first
/// word without its first letter, no quotation marks beside a placeholder; `words` keeps the keyable ones.
#[test]
fn verbatim_words_are_what_a_found_text_holds() {
    let template = message("Backend service connect failed `{value}`");
    assert_eq!(
        template.verbatim_words(),
        ["ackend", "service", "connect", "failed"]
    );
    assert_eq!(template.words(), ["connect"]);
    let found = template.find_all_exact("x backend service connect failed '10.0.0.1:80'");
    assert_eq!(found.len(), 1);
    assert_eq!(
        message("The API does not exist.").verbatim_words(),
        ["he", "API", "does", "not", "exist"]
    );
}

/// What every template a catalog's loading touches carries stays small: the text searchers, most of it,
/// are boxed and built only for templates that search texts (a 50,000-entry catalog's scan held 65 MB of
/// them inline, for templates asked only their key).
#[test]
fn a_templates_derived_facts_stay_small() {
    let size = std::mem::size_of::<Derived>();
    assert!(size <= 320, "Derived is {size} bytes");
    assert!(std::mem::size_of::<Finders>() > 1000);
}
