//! Word (.docx) output of the plan documents, written here without dependencies: a .docx is
//! a ZIP of a few XML parts. The ZIP uses the STORED method (no compression) with CRC-32, so
//! the writer is small and the output deterministic (fixed 1980-01-01 timestamps).
//!
//! Every user string goes through [`xml_text`]: characters invalid in XML 1.0 and bidi
//! controls are removed ([`crate::document::clean_text`]) and `& < > " '` are escaped.

use crate::document::{clean_text, escape_markup, Block, Document};

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as used by ZIP.
pub fn crc32(data: &[u8]) -> u32 {
    const fn table() -> [u32; 256] {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    }
    const TABLE: [u32; 256] = table();
    let mut c = 0xFFFF_FFFFu32;
    for &b in data {
        c = TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8);
    }
    c ^ 0xFFFF_FFFF
}

/// A ZIP archive of stored (uncompressed) files, in the given order.
pub fn zip_stored(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    fn u16le(v: &mut Vec<u8>, x: u16) {
        v.extend_from_slice(&x.to_le_bytes());
    }
    fn u32le(v: &mut Vec<u8>, x: u32) {
        v.extend_from_slice(&x.to_le_bytes());
    }
    const DOS_TIME: u16 = 0;
    const DOS_DATE: u16 = (1 << 5) | 1; // 1980-01-01
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let size = data.len() as u32;
        let name = name.as_bytes();
        // Local file header.
        u32le(&mut out, 0x0403_4b50);
        u16le(&mut out, 20); // version needed
        u16le(&mut out, 1 << 11); // flags: UTF-8 names
        u16le(&mut out, 0); // method: stored
        u16le(&mut out, DOS_TIME);
        u16le(&mut out, DOS_DATE);
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(name);
        out.extend_from_slice(data);
        // Central directory entry.
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20); // version made by
        u16le(&mut central, 20);
        u16le(&mut central, 1 << 11);
        u16le(&mut central, 0);
        u16le(&mut central, DOS_TIME);
        u16le(&mut central, DOS_DATE);
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        u16le(&mut central, name.len() as u16);
        u16le(&mut central, 0); // extra
        u16le(&mut central, 0); // comment
        u16le(&mut central, 0); // disk
        u16le(&mut central, 0); // internal attrs
        u32le(&mut central, 0); // external attrs
        u32le(&mut central, offset);
        central.extend_from_slice(name);
    }
    let cd_offset = out.len() as u32;
    let cd_size = central.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u16le(&mut out, 0);
    u16le(&mut out, 0);
    u16le(&mut out, files.len() as u16);
    u16le(&mut out, files.len() as u16);
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    out
}

/// Text made safe for XML 1.0 element content and attribute values.
pub fn xml_text(s: &str) -> String {
    escape_markup(s, "&apos;")
}

/// Runs for a text: newlines become `<w:br/>`, tabs `<w:tab/>`.
fn runs(text: &str, bold: bool) -> String {
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let mut out = String::new();
    for (i, line) in clean_text(text).split('\n').enumerate() {
        if i > 0 {
            out.push_str(&format!("<w:r>{rpr}<w:br/></w:r>"));
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str(&format!("<w:r>{rpr}<w:tab/></w:r>"));
            }
            if !part.is_empty() {
                out.push_str(&format!(
                    "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    xml_text(part)
                ));
            }
        }
    }
    out
}

fn para(style: Option<&str>, text: &str, bold: bool) -> String {
    let ppr = match style {
        Some(s) => format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"),
        None => String::new(),
    };
    format!("<w:p>{ppr}{}</w:p>", runs(text, bold))
}

/// Content width of an A4 page with 20 mm margins, in twentieths of a point.
const CONTENT_TWIPS: u32 = 11906 - 2 * 1134;

fn table(header: Option<&[String]>, rows: &[Vec<String>], widths: &[u32]) -> String {
    let total: u32 = widths.iter().sum();
    let cols: Vec<u32> = widths.iter().map(|w| w * CONTENT_TWIPS / total).collect();
    let border = |side: &str| {
        format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"666666\"/>")
    };
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{CONTENT_TWIPS}\" w:type=\"dxa\"/><w:tblBorders>{}{}{}{}{}{}</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>",
        border("top"),
        border("left"),
        border("bottom"),
        border("right"),
        border("insideH"),
        border("insideV")
    );
    for w in &cols {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    let row = |cells: &[String], head: bool| {
        let mut r = String::from("<w:tr>");
        if head {
            r.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for (i, c) in cells.iter().enumerate() {
            let shade = if head {
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>"
            } else {
                ""
            };
            r.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>{shade}</w:tcPr>{}</w:tc>",
                cols.get(i).copied().unwrap_or(0),
                para(None, c, head)
            ));
        }
        r.push_str("</w:tr>");
        r
    };
    if let Some(h) = header {
        out.push_str(&row(h, true));
    }
    for r in rows {
        out.push_str(&row(r, false));
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between two tables.
    out.push_str("<w:p/>");
    out
}

/// `word/document.xml` for the documents (a page break between them).
pub fn document_xml(docs: &[Document]) -> String {
    let mut body = String::new();
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            body.push_str("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
        }
        body.push_str(&para(Some("Title"), &doc.title, false));
        for b in &doc.blocks {
            match b {
                Block::Heading(h) => body.push_str(&para(Some("Heading2"), h, false)),
                Block::Paragraph(p) => body.push_str(&para(None, p, false)),
                Block::Fields(rows) => {
                    let rows: Vec<Vec<String>> = rows
                        .iter()
                        .map(|(k, v)| vec![k.clone(), v.clone()])
                        .collect();
                    body.push_str(&table(None, &rows, &[3, 7]));
                }
                Block::Table { header, rows } => {
                    let widths: Vec<u32> = match header.len() {
                        4 => vec![1, 4, 8, 2],
                        n => vec![1; n],
                    };
                    body.push_str(&table(Some(header), rows, &widths));
                }
                Block::Notes(ns) => {
                    for n in ns {
                        body.push_str(&para(Some("Note"), &format!("※ {n}"), false));
                    }
                }
            }
        }
    }
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ",
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
            "<w:body>{}",
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>",
            "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>",
            "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" ",
            "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>",
            "</w:body></w:document>\n"
        ),
        body
    )
}

/// `word/footer1.xml`: the stamp and date, and the page number.
pub fn footer_xml(text: &str) -> String {
    format!(
        concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
            "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>{}",
            "<w:r><w:t xml:space=\"preserve\">　ページ </w:t></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
            "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            "<w:r><w:t>1</w:t></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "</w:p></w:ftr>\n"
        ),
        runs(text, false)
    )
}

const CONTENT_TYPES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">",
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>",
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>",
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>",
    "</Types>\n"
);

const ROOT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>",
    "</Relationships>\n"
);

const DOCUMENT_RELS: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>",
    "</Relationships>\n"
);

const STYLES: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">",
    "<w:docDefaults><w:rPrDefault><w:rPr>",
    "<w:rFonts w:ascii=\"Yu Mincho\" w:hAnsi=\"Yu Mincho\" w:eastAsia=\"Yu Mincho\" w:cs=\"Yu Mincho\"/>",
    "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"ja-JP\" w:eastAsia=\"ja-JP\"/>",
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"300\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"24\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/><w:rPr><w:sz w:val=\"19\"/></w:rPr></w:style>",
    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>",
    "<w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>",
    "</w:styles>\n"
);

/// The .docx bytes of the documents.
pub fn render_docx(docs: &[Document]) -> Vec<u8> {
    let footer = docs.first().map(|d| d.footer.as_str()).unwrap_or("");
    zip_stored(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        (
            "word/_rels/document.xml.rels",
            DOCUMENT_RELS.as_bytes().to_vec(),
        ),
        ("word/document.xml", document_xml(docs).into_bytes()),
        ("word/styles.xml", STYLES.as_bytes().to_vec()),
        ("word/footer1.xml", footer_xml(footer).into_bytes()),
    ])
}
