//! The logical structure of a printed document (tagged PDF): the layout
//! engine records, for everything it places, which structure element it
//! belongs to, and [`finish`] writes the structure tree that a screen reader
//! follows: headings by level, paragraphs, lists, tables with header cells,
//! the chart as a figure with its figures in words. Page furniture (the
//! footer, page numbers, the lines to sign on, the UTKAST mark, table
//! rules) is marked as artifacts and never enters the tree.
//!
//! printpdf writes the marked content (`/P <</MCID 3>> BDC … EMC`); the
//! tree itself, which printpdf cannot write, is added here with lopdf, the
//! PDF object crate printpdf builds on, before the file is compressed and
//! saved. Nothing is parsed again, so fonts and streams stay as printpdf
//! made them.

use lopdf::{Document, Object, ObjectId, dictionary};

/// A structure element's type (PDF 1.7, 14.8.4), the subset the layout
/// uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// The whole document: the root of the tree.
    Document,
    /// A heading of level 1–3.
    H(u8),
    /// A paragraph (also a bold label with its text).
    P,
    /// A list (a run of "att …" decisions).
    L,
    /// A list item.
    LI,
    /// A list item's marker ("att").
    Lbl,
    /// A list item's text.
    LBody,
    /// A table.
    Table,
    /// A table row.
    TR,
    /// A header cell, scoped to its column.
    TH,
    /// A data cell.
    TD,
    /// A figure (the bar chart), with its content in words.
    Figure {
        /// The alternative text.
        alt: String,
    },
}

impl Kind {
    /// The standard structure type's name.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Document => "Document",
            Kind::H(1) => "H1",
            Kind::H(2) => "H2",
            Kind::H(_) => "H3",
            Kind::P => "P",
            Kind::L => "L",
            Kind::LI => "LI",
            Kind::Lbl => "Lbl",
            Kind::LBody => "LBody",
            Kind::Table => "Table",
            Kind::TR => "TR",
            Kind::TH => "TH",
            Kind::TD => "TD",
            Kind::Figure { .. } => "Figure",
        }
    }
}

/// An element of the tree; node 0 is the document and its own parent.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Its type.
    pub kind: Kind,
    /// The element it is in.
    pub parent: usize,
}

/// Adds the structure tree to `lo`: `nodes` as the layout recorded them,
/// and for each page, the node that owns each marked-content id (MCID) in
/// order. Also the catalog's `MarkInfo`, `Lang sv-SE` and
/// `DisplayDocTitle` (the title itself is in the metadata that
/// [`super::archive`] writes), and each page's `StructParents`.
pub fn finish(lo: &mut Document, nodes: &[Node], mcids: &[Vec<usize>]) -> lopdf::Result<()> {
    // Artifact subtypes and the structure attributes used are PDF 1.7.
    "1.7".clone_into(&mut lo.version);
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let root = lo.new_object_id();
    let ids: Vec<ObjectId> = nodes.iter().map(|_| lo.new_object_id()).collect();
    let mut kids = vec![Vec::new(); nodes.len()];
    for (i, n) in nodes.iter().enumerate().skip(1) {
        kids[n.parent].push(i);
    }
    let mut marks: Vec<Vec<(usize, usize)>> = vec![Vec::new(); nodes.len()];
    for (p, list) in mcids.iter().enumerate() {
        for (mcid, &n) in list.iter().enumerate() {
            if let Some(owner) = marks.get_mut(n) {
                owner.push((p, mcid));
            }
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        let parent = if i == 0 { root } else { ids[n.parent] };
        let mut d = dictionary! {
            "Type" => "StructElem",
            "S" => n.kind.name(),
            "P" => parent,
        };
        let mut k: Vec<Object> = kids[i].iter().map(|&c| Object::Reference(ids[c])).collect();
        if let Some(&(first, _)) = marks[i].first()
            && let Some(&first_page) = pages.get(first)
        {
            d.set("Pg", first_page);
            for &(p, mcid) in &marks[i] {
                let mcid = i64::try_from(mcid).unwrap_or(i64::MAX);
                k.push(if p == first {
                    Object::Integer(mcid)
                } else {
                    Object::Dictionary(dictionary! {
                        "Type" => "MCR",
                        "Pg" => pages.get(p).copied().unwrap_or(first_page),
                        "MCID" => mcid,
                    })
                });
            }
        }
        if !k.is_empty() {
            d.set("K", k);
        }
        match &n.kind {
            Kind::TH => d.set("A", dictionary! { "O" => "Table", "Scope" => "Column" }),
            Kind::L => d.set(
                "A",
                dictionary! { "O" => "List", "ListNumbering" => "None" },
            ),
            Kind::Figure { alt } => d.set("Alt", lopdf::text_string(alt)),
            _ => {}
        }
        lo.set_object(ids[i], d);
    }
    let mut nums = Vec::new();
    for (p, list) in mcids.iter().enumerate() {
        let Some(&page) = pages.get(p) else { continue };
        let key = i64::try_from(p).unwrap_or(i64::MAX);
        nums.push(Object::Integer(key));
        nums.push(Object::Array(
            list.iter().map(|&n| Object::Reference(ids[n])).collect(),
        ));
        lo.get_dictionary_mut(page)?.set("StructParents", key);
    }
    let parent_tree = lo.add_object(dictionary! { "Nums" => nums });
    let next_key = i64::try_from(pages.len()).unwrap_or(i64::MAX);
    lo.set_object(
        root,
        dictionary! {
            "Type" => "StructTreeRoot",
            "K" => vec![Object::Reference(ids[0])],
            "ParentTree" => parent_tree,
            "ParentTreeNextKey" => next_key,
        },
    );
    let catalog = lo.catalog_mut()?;
    catalog.set("StructTreeRoot", root);
    catalog.set("MarkInfo", dictionary! { "Marked" => true });
    catalog.set("Lang", Object::string_literal("sv-SE"));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    Ok(())
}
