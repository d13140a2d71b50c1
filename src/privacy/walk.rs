//! Every string inside a value, with the path to it, found through the
//! value's `Serialize` implementation.
//!
//! The guard must see every text that can be printed or saved, including
//! the fields added next year. Listing fields by hand is what let party
//! names and units slip past it before; walking what serde would write
//! cannot miss a field, because a field that is not serialised is not in
//! a file or a document either.

use std::fmt;

use serde::ser::{self, Serialize};

/// One step of the path to a string: a struct field or a list position.
/// Enum variants and `Some` add no step (RON writes them around the value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// A struct field by name.
    Field(&'static str),
    /// An element of a list, tuple or map (maps count entries).
    Index(usize),
}

/// Calls `visit` with the path and text of every string (and char) in
/// `value`, in serialisation order. Map keys are visited like values.
pub fn strings<T: Serialize + ?Sized>(value: &T, visit: &mut dyn FnMut(&[Step], &str)) {
    let mut walker = Walker {
        path: Vec::new(),
        visit,
        buffer: String::new(),
    };
    // The walker itself never fails; a value whose Serialize fails part-way
    // has had every string before the failure visited, which is all there is.
    let _ = value.serialize(&mut walker);
}

/// `items[3].decisions[0]`: a path as people read it in messages.
pub fn path_words(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

struct Walker<'v> {
    path: Vec<Step>,
    visit: &'v mut dyn FnMut(&[Step], &str),
    /// Reused for values that serialise through `Display` (dates), so a
    /// walk over 100 000 entries allocates no string per date.
    buffer: String,
}

/// The walker's error type: never produced by the walker, but serde needs
/// one for values whose own `Serialize` fails.
#[derive(Debug)]
pub struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("värdet kunde inte gås igenom")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Stop
    }
}

type Done = Result<(), Stop>;

impl Walker<'_> {
    fn at<T: Serialize + ?Sized>(&mut self, step: Step, value: &T) -> Done {
        self.path.push(step);
        let result = value.serialize(&mut *self);
        self.path.pop();
        result
    }
}

/// A list, tuple or map being walked: counts its elements for the path.
struct Seq<'w, 'v> {
    walker: &'w mut Walker<'v>,
    index: usize,
}

impl Seq<'_, '_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        let i = self.index;
        self.index += 1;
        self.walker.at(Step::Index(i), value)
    }
}

impl<'w, 'v> ser::Serializer for &'w mut Walker<'v> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Seq<'w, 'v>;
    type SerializeTuple = Seq<'w, 'v>;
    type SerializeTupleStruct = Seq<'w, 'v>;
    type SerializeTupleVariant = Seq<'w, 'v>;
    type SerializeMap = Seq<'w, 'v>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn serialize_bool(self, _v: bool) -> Done {
        Ok(())
    }
    fn serialize_i8(self, _v: i8) -> Done {
        Ok(())
    }
    fn serialize_i16(self, _v: i16) -> Done {
        Ok(())
    }
    fn serialize_i32(self, _v: i32) -> Done {
        Ok(())
    }
    fn serialize_i64(self, _v: i64) -> Done {
        Ok(())
    }
    fn serialize_u8(self, _v: u8) -> Done {
        Ok(())
    }
    fn serialize_u16(self, _v: u16) -> Done {
        Ok(())
    }
    fn serialize_u32(self, _v: u32) -> Done {
        Ok(())
    }
    fn serialize_u64(self, _v: u64) -> Done {
        Ok(())
    }
    fn serialize_f32(self, _v: f32) -> Done {
        Ok(())
    }
    fn serialize_f64(self, _v: f64) -> Done {
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        let mut buf = [0; 4];
        (self.visit)(&self.path, v.encode_utf8(&mut buf));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        (self.visit)(&self.path, v);
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Done {
        Ok(())
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Done {
        use std::fmt::Write as _;
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
        let _ = write!(buffer, "{value}");
        (self.visit)(&self.path, &buffer);
        self.buffer = buffer;
        Ok(())
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _i: u32, _variant: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Stop> {
        Ok(Seq {
            walker: self,
            index: 0,
        })
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Stop> {
        Ok(Seq {
            walker: self,
            index: 0,
        })
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Ok(Seq {
            walker: self,
            index: 0,
        })
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Ok(Seq {
            walker: self,
            index: 0,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Stop> {
        Ok(Seq {
            walker: self,
            index: 0,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, Stop> {
        Ok(self)
    }
}

/// The four list-like serde traits differ only in their method's name:
/// each element is the next index.
macro_rules! list_like {
    ($($trait:ident :: $method:ident),+) => {$(
        impl ser::$trait for Seq<'_, '_> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                self.element(value)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )+};
}

list_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Seq<'_, '_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        // A key and its value share the entry's index.
        self.walker.at(Step::Index(self.index), key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.element(value)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

/// Struct fields, of a struct or of an enum variant, add their name.
macro_rules! struct_like {
    ($($trait:ident),+) => {$(
        impl ser::$trait for &mut Walker<'_> {
            type Ok = ();
            type Error = Stop;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Done {
                self.at(Step::Field(key), value)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )+};
}

struct_like!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Named(String),
        Shaped { reason: String },
    }

    #[derive(Serialize)]
    struct Inner {
        text: String,
        kinds: Vec<Kind>,
    }

    #[derive(Serialize)]
    struct Outer {
        title: &'static str,
        count: u32,
        note: Option<String>,
        items: Vec<Inner>,
        pair: (String, char),
        map: BTreeMap<String, String>,
    }

    #[test]
    fn visits_every_string_with_its_path() {
        let value = Outer {
            title: "rubrik",
            count: 3,
            note: Some("anteckning".into()),
            items: vec![Inner {
                text: "a".into(),
                kinds: vec![
                    Kind::Plain,
                    Kind::Named("annan".into()),
                    Kind::Shaped {
                        reason: "skäl".into(),
                    },
                ],
            }],
            pair: ("x".into(), 'y'),
            map: BTreeMap::from([("nyckel".into(), "värde".into())]),
        };
        let mut seen = Vec::new();
        strings(&value, &mut |path, text| {
            seen.push((path_words(path), text.to_owned()));
        });
        let expected = [
            ("title", "rubrik"),
            ("note", "anteckning"),
            ("items[0].text", "a"),
            ("items[0].kinds[1]", "annan"),
            ("items[0].kinds[2].reason", "skäl"),
            ("pair[0]", "x"),
            ("pair[1]", "y"),
            ("map[0]", "nyckel"),
            ("map[0]", "värde"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
            .collect();
        assert_eq!(seen, expected);
    }
}
