//! Where a family member is found: an open-addressed table of member numbers by the hash of
//! `catalog/entry`. build.rs lays the table out and the family module looks members up in it, both with
//! this code, so the two cannot disagree. (Every reported match asks for its family: a binary search over
//! the members compared some dozen texts a match, a slot one or two.)

/// FNV-1a (32 bits) of `catalog/entry`.
pub fn member_hash(catalog: &str, entry: &str) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in catalog
        .as_bytes()
        .iter()
        .chain(b"/")
        .chain(entry.as_bytes())
    {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash
}

/// The slots for `members` (`(catalog, entry)` in member order): a power of two of them, at most two
/// thirds full, each 0 (empty) or a member's number plus one, at its hash's slot or the next free after.
///
/// # Panics
/// When there are more members than a slot can number (`u16`).
// (The library only reads the table build.rs lays out; its tests lay it out again to compare.)
#[cfg_attr(not(test), allow(dead_code))]
pub fn layout<'m>(members: impl ExactSizeIterator<Item = (&'m str, &'m str)>) -> Vec<u16> {
    let mut slots = vec![0u16; (members.len() * 3 / 2 + 1).next_power_of_two()];
    let mask = slots.len() - 1;
    for (number, (catalog, entry)) in members.enumerate() {
        let mut at = member_hash(catalog, entry) as usize & mask;
        while slots[at] != 0 {
            at = (at + 1) & mask;
        }
        slots[at] = u16::try_from(number + 1).expect("members fit the slots' u16");
    }
    slots
}

/// The members (numbers) that may be `(catalog, entry)`, in the order to compare them: those from its
/// hash's slot to the next empty one.
pub fn candidates(slots: &[u16], catalog: &str, entry: &str) -> impl Iterator<Item = usize> {
    let mask = slots.len() - 1;
    let start = member_hash(catalog, entry) as usize & mask;
    (0..slots.len())
        .map(move |step| slots[(start + step) & mask])
        .take_while(|&slot| slot != 0)
        .map(|slot| usize::from(slot) - 1)
}
