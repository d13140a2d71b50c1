//! What a PDF says about itself, and PDF/A-2u for archiving: the XMP
//! metadata (title, author, language, dates, the PDF/UA-1 identification
//! and, for an archival copy, the PDF/A-2 identification), an Info
//! dictionary that agrees with it, an sRGB output intent, and a file
//! identifier made from the content, so the same document gives the same
//! bytes.
//!
//! Kept minutes are archived, and the national archives list PDF/A as an
//! archival format. PDF/A-2u asks, beyond the tagged PDF that
//! [`super::structure`] writes: fonts embedded with a Unicode mapping for
//! every glyph (printpdf embeds them with ToUnicode, and
//! [`super::pdf::Fonts`] never prints a glyph the font lacks), device
//! colours only under an output intent of the same colour space (every
//! colour here is DeviceRGB, so the intent is sRGB), no transparency,
//! metadata in XMP that matches the Info dictionary, and a file
//! identifier. printpdf's own PDF/A setting embeds a CMYK print profile
//! under the PDF/X key and writes no XMP, so this module writes it all
//! with lopdf instead.

use lopdf::{Document, Object, Stream, StringFormat, dictionary};
use sha2::{Digest, Sha256};

/// The sRGB IEC 61966-2.1 profile (ICC v2.1, CC0; `assets/icc/README.md`).
const SRGB: &[u8] = include_bytes!("../../assets/icc/sRGB-v2-magic.icc");

/// The name the app signs its PDFs with (Info `Creator`, `xmp:CreatorTool`).
pub const CREATOR: &str = "Löftesuppföljning";

/// What the PDF says about itself.
pub struct Meta<'a> {
    /// The title a viewer shows as the window title.
    pub title: &'a str,
    /// Who publishes it (the convener).
    pub author: &'a str,
    /// When it was printed, in UTC.
    pub created: &'a printpdf::OffsetDateTime,
    /// Whether it is written as PDF/A-2u for archiving.
    pub archival: bool,
}

/// Writes the XMP metadata, the Info dictionary and the file identifier,
/// and for an archival document the sRGB output intent. Call it after the
/// structure tree and before compressing: the metadata stays
/// uncompressed, as PDF/A requires.
pub fn finish(lo: &mut Document, meta: &Meta<'_>) -> lopdf::Result<()> {
    // One text for Info and the XMP, which must agree (PDF/A-2 6.6.3): a
    // control character in a pledge's or meeting's name becomes a space in
    // both, where XML would drop or change it.
    let (title, author) = (plain(meta.title), plain(meta.author));
    let meta = &Meta {
        title: &title,
        author: &author,
        ..*meta
    };
    let d = meta.created;
    let (y, mo, day) = (d.year(), u8::from(d.month()), d.day());
    let (h, mi, s) = (d.hour(), d.minute(), d.second());
    let pdf_date = format!("D:{y:04}{mo:02}{day:02}{h:02}{mi:02}{s:02}+00'00'");
    let xmp_date = format!("{y:04}-{mo:02}-{day:02}T{h:02}:{mi:02}:{s:02}+00:00");
    let producer = producer();
    let xmp = xmp_packet(meta, &producer, &xmp_date);
    let metadata = lo.add_object(
        Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            xmp.clone().into_bytes(),
        )
        .with_compression(false),
    );
    // Info says what the XMP says and nothing else: printpdf's empty
    // Subject, Keywords and Identifier, its PDF/X version and Trapped go.
    let info = dictionary! {
        "Title" => lopdf::text_string(meta.title),
        "Author" => lopdf::text_string(meta.author),
        "Creator" => lopdf::text_string(CREATOR),
        "Producer" => lopdf::text_string(&producer),
        "CreationDate" => Object::string_literal(pdf_date.clone()),
        "ModDate" => Object::string_literal(pdf_date),
    };
    if let Ok(id) = lo.trailer.get(b"Info").and_then(Object::as_reference) {
        lo.set_object(id, info);
    } else {
        let id = lo.add_object(info);
        lo.trailer.set("Info", id);
    }
    // The identifier is a digest of what is printed and said, not
    // printpdf's per-process counter: the same document, the same bytes.
    let mut digest = Sha256::new();
    for (_, page) in lo.get_pages() {
        digest.update(lo.get_page_content(page));
    }
    digest.update(xmp.as_bytes());
    let id: Vec<u8> = digest.finalize().iter().take(16).copied().collect();
    let id = Object::String(id, StringFormat::Hexadecimal);
    lo.trailer.set("ID", vec![id.clone(), id]);

    let intent = if meta.archival {
        let profile = lo.add_object(Stream::new(dictionary! { "N" => 3 }, SRGB.to_vec()));
        Some(dictionary! {
            "Type" => "OutputIntent",
            "S" => "GTS_PDFA1",
            "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
            "RegistryName" => Object::string_literal("http://www.color.org"),
            "Info" => Object::string_literal("sRGB IEC61966-2.1"),
            "DestOutputProfile" => profile,
        })
    } else {
        None
    };
    let catalog = lo.catalog_mut()?;
    catalog.set("Metadata", metadata);
    if let Some(intent) = intent {
        catalog.set("OutputIntents", vec![Object::Dictionary(intent)]);
    }
    Ok(())
}

/// `text` with each control character as a space.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The Info `Producer` and `pdf:Producer`: the app and its version.
fn producer() -> String {
    format!("{CREATOR} {}", env!("CARGO_PKG_VERSION"))
}

/// Text for XML content: escaped as for HTML (the same five characters
/// have a meaning in XML), with the control characters XML 1.0 forbids
/// left out.
fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
        })
        .collect();
    crate::format::escape_html(&allowed)
}

/// The XMP packet. `pdfuaid` is not one of PDF/A-2's predefined schemas,
/// so it is declared in `pdfaExtension:schemas`, as PDF/A requires of
/// every schema it does not know.
fn xmp_packet(meta: &Meta<'_>, producer: &str, date: &str) -> String {
    let pdfa = if meta.archival {
        "\n<pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance>"
    } else {
        ""
    };
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>
<xmp:CreatorTool>{creator}</xmp:CreatorTool>
<xmp:CreateDate>{date}</xmp:CreateDate>
<xmp:ModifyDate>{date}</xmp:ModifyDate>
<xmp:MetadataDate>{date}</xmp:MetadataDate>
<pdf:Producer>{producer}</pdf:Producer>{pdfa}
<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        title = escape(meta.title),
        author = escape(meta.author),
        creator = escape(CREATOR),
        producer = escape(producer),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Info and the XMP are given the same text: control characters as
    /// spaces, everything else as it is.
    #[test]
    fn a_control_character_in_a_name_becomes_a_space_in_both() {
        assert_eq!(plain("Möte\r\n2 –\u{7} § 7"), "Möte  2 –  § 7");
    }

    #[test]
    fn xml_text_is_escaped_and_control_characters_dropped() {
        assert_eq!(
            escape("A & B <c> \"d\" 'e'\u{7}"),
            "A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;"
        );
        assert_eq!(escape("Protokoll – § 7"), "Protokoll – § 7");
    }

    /// Whatever the title, the packet is well-formed XML that gives it
    /// back, and claims PDF/A only when archival.
    #[test]
    fn the_packet_is_well_formed_and_gives_the_title_back() {
        let created = printpdf::OffsetDateTime::from_unix_timestamp(1_490_000_000).expect("date");
        let title = "Protokoll – \"A & B\" <§ 7> 'Ö'";
        for archival in [true, false] {
            let meta = Meta {
                title,
                author: "LPO Karlstad & Karlstads kommun",
                created: &created,
                archival,
            };
            let packet = xmp_packet(&meta, &producer(), "2017-03-20T08:53:20+00:00");
            let doc = roxmltree::Document::parse(&packet).expect("well-formed XML");
            let text = |ns: &str, name: &str| {
                doc.descendants()
                    .find(|n| n.has_tag_name((ns, name)))
                    .map(|n| {
                        n.descendants()
                            .filter_map(|t| t.is_text().then(|| t.text()).flatten())
                            .collect::<String>()
                    })
            };
            let dc = "http://purl.org/dc/elements/1.1/";
            assert_eq!(text(dc, "title").as_deref().map(str::trim), Some(title));
            assert_eq!(
                text(dc, "creator").as_deref().map(str::trim),
                Some("LPO Karlstad & Karlstads kommun")
            );
            let part = text("http://www.aiim.org/pdfa/ns/id/", "part");
            assert_eq!(part.as_deref(), archival.then_some("2"));
            let ua = text("http://www.aiim.org/pdfua/ns/id/", "part");
            assert_eq!(ua.as_deref(), Some("1"));
        }
    }

    /// The profile is what PDF/A asks of an output intent: ICC version 2
    /// or 4, a display or output device class, three components.
    #[test]
    fn the_output_intent_profile_is_srgb_for_a_display() {
        assert_eq!(SRGB.len(), 736);
        assert_eq!(&SRGB[12..16], b"mntr");
        assert_eq!(&SRGB[16..20], b"RGB ");
        assert_eq!(&SRGB[36..40], b"acsp");
        assert_eq!(SRGB[8], 2, "ICC major version 2");
        let size = u32::from_be_bytes([SRGB[0], SRGB[1], SRGB[2], SRGB[3]]);
        assert_eq!(size as usize, SRGB.len());
    }
}
