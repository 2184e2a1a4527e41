//! # ouen-heap
//!
//! The allocator of every wasm ouen ships (each page and island of the app, and both wasm of
//! the npm package): about 1 KB of code where the standard library's dlmalloc is about 8 KB
//! (raw, before compression) in every module.
//!
//! Blocks come in size classes of 2^k bytes (k ≥ 3), each aligned to its size. A block is
//! carved from the end of the heap, growing the wasm memory when needed, and goes on its
//! class's free list when freed, to be reused by the next allocation of that class. Nothing
//! is coalesced: the memory a class holds is the most that class ever had in use at once,
//! which suits ouen's pages (small, short-lived values, and the same shapes again at every
//! keystroke). The wasm is single-threaded.
//!
//! The bookkeeping ([`Heap`]) is plain arithmetic over addresses, tested natively; only
//! [`Wasm`] touches the wasm memory. A module installs it with
//!
//! ```ignore
//! #[cfg(target_arch = "wasm32")]
//! #[global_allocator]
//! static HEAP: ouen_heap::Wasm = ouen_heap::Wasm::new();
//! ```

#![no_std]

/// The size class of a layout: the log2 of its block size (at least 8 bytes, and at least
/// the alignment).
pub fn class(size: usize, align: usize) -> usize {
    size.max(align).max(8).next_power_of_two().trailing_zeros() as usize
}

/// Classes 3..=30: blocks of 8 bytes to 1 GiB. Larger requests fail (null), as memory would.
pub const CLASSES: usize = 31;

/// Where the heap stands: the head of each class's free list (0 when empty), the next free
/// address and the end of the memory obtained so far.
pub struct Heap {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
}

/// What a [`Heap`] needs from its memory.
pub trait Memory {
    /// The end of what the module was given (data, stack): where the heap starts.
    fn start(&mut self) -> usize;
    /// Grows the memory by `bytes` (a multiple of the page); false when it cannot.
    fn grow(&mut self, bytes: usize) -> bool;
    /// Reads the link word stored in the free block at `at`.
    ///
    /// # Safety
    /// `at` is a block this heap handed out and took back.
    unsafe fn link(&self, at: usize) -> usize;
    /// Writes the link word into the free block at `at`.
    ///
    /// # Safety
    /// `at` is a block this heap handed out and took back, at least a word long.
    unsafe fn set_link(&mut self, at: usize, next: usize);
}

/// The wasm memory's page: the heap grows by whole pages.
pub const PAGE: usize = 65536;

impl Heap {
    pub const fn new() -> Heap {
        Heap {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// The address of a free block for `size` bytes aligned to `align`, or 0.
    ///
    /// # Safety
    /// `mem` is the memory this heap has always been used with.
    pub unsafe fn alloc(&mut self, mem: &mut impl Memory, size: usize, align: usize) -> usize {
        let c = class(size, align);
        if c >= CLASSES {
            return 0;
        }
        let head = self.free[c];
        if head != 0 {
            // SAFETY: a block of this class that was freed; its first word links the next.
            self.free[c] = unsafe { mem.link(head) };
            return head;
        }
        if self.end == 0 {
            self.end = mem.start();
            self.next = self.end;
        }
        let block = 1usize << c;
        let Some(start) = self.next.checked_add(block - 1).map(|n| n & !(block - 1)) else {
            return 0;
        };
        let Some(stop) = start.checked_add(block) else {
            return 0;
        };
        if stop > self.end {
            let bytes = (stop - self.end).div_ceil(PAGE) * PAGE;
            if !mem.grow(bytes) {
                return 0;
            }
            self.end += bytes;
        }
        self.next = stop;
        start
    }

    /// Takes back the block at `at`, handed out for `size` and `align`.
    ///
    /// # Safety
    /// `at` came from [`Heap::alloc`] with the same class and is not used any more.
    pub unsafe fn dealloc(&mut self, mem: &mut impl Memory, at: usize, size: usize, align: usize) {
        let c = class(size, align);
        // SAFETY: the block is ours again, and at least 8 bytes long.
        unsafe { mem.set_link(at, self.free[c]) };
        self.free[c] = at;
    }
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{class, Heap, Memory, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::arch::wasm32;
    use core::cell::UnsafeCell;
    use core::ptr;

    /// The wasm module's linear memory.
    struct Linear;

    impl Memory for Linear {
        fn start(&mut self) -> usize {
            wasm32::memory_size(0) * PAGE
        }
        fn grow(&mut self, bytes: usize) -> bool {
            wasm32::memory_grow(0, bytes / PAGE) != usize::MAX
        }
        unsafe fn link(&self, at: usize) -> usize {
            // SAFETY: the caller's: a freed block, at least a word long and aligned.
            unsafe { *(at as *const usize) }
        }
        unsafe fn set_link(&mut self, at: usize, next: usize) {
            // SAFETY: as above.
            unsafe { *(at as *mut usize) = next }
        }
    }

    /// The global allocator over the wasm memory (see the crate's documentation).
    pub struct Wasm(UnsafeCell<Heap>);

    // SAFETY: wasm32-unknown-unknown without atomics runs on one thread.
    unsafe impl Sync for Wasm {}

    impl Wasm {
        pub const fn new() -> Wasm {
            Wasm(UnsafeCell::new(Heap::new()))
        }
    }

    impl Default for Wasm {
        fn default() -> Wasm {
            Wasm::new()
        }
    }

    unsafe impl GlobalAlloc for Wasm {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: single-threaded, and nothing allocates while this borrow lives.
            let heap = unsafe { &mut *self.0.get() };
            // SAFETY: the one memory this heap is used with.
            unsafe { heap.alloc(&mut Linear, layout.size(), layout.align()) as *mut u8 }
        }

        unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
            // SAFETY: as in `alloc`; the caller hands back a block of this layout.
            let heap = unsafe { &mut *self.0.get() };
            unsafe { heap.dealloc(&mut Linear, p as usize, layout.size(), layout.align()) }
        }

        unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // The block already has room for any size of its class.
            if class(new_size, layout.align()) == class(layout.size(), layout.align()) {
                return p;
            }
            // SAFETY: the caller's guarantees carry over to the new layout.
            unsafe {
                let new = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
                if !new.is_null() {
                    ptr::copy_nonoverlapping(p, new, layout.size().min(new_size));
                    self.dealloc(p, layout);
                }
                new
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use wasm::Wasm;

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::collections::BTreeMap;
    use std::vec::Vec;

    /// A memory of `limit` bytes, starting at `start`, with its link words in a map.
    struct Fake {
        start: usize,
        size: usize,
        limit: usize,
        links: BTreeMap<usize, usize>,
    }

    impl Fake {
        fn new(start: usize, limit: usize) -> Fake {
            Fake {
                start,
                size: start,
                limit,
                links: BTreeMap::new(),
            }
        }
    }

    impl Memory for Fake {
        fn start(&mut self) -> usize {
            self.start
        }
        fn grow(&mut self, bytes: usize) -> bool {
            assert_eq!(bytes % PAGE, 0, "grows by whole pages");
            if self.size + bytes > self.limit {
                return false;
            }
            self.size += bytes;
            true
        }
        unsafe fn link(&self, at: usize) -> usize {
            self.links[&at]
        }
        unsafe fn set_link(&mut self, at: usize, next: usize) {
            self.links.insert(at, next);
        }
    }

    #[test]
    fn classes_are_powers_of_two_of_at_least_eight_bytes_and_the_alignment() {
        assert_eq!(class(0, 1), 3);
        assert_eq!(class(1, 1), 3);
        assert_eq!(class(8, 8), 3);
        assert_eq!(class(9, 1), 4);
        assert_eq!(class(16, 4), 4);
        assert_eq!(class(17, 4), 5);
        assert_eq!(class(4, 64), 6);
        assert_eq!(class(65536, 8), 16);
        assert_eq!(class(65537, 8), 17);
    }

    #[test]
    fn blocks_never_overlap_are_aligned_to_their_size_and_lie_in_grown_memory() {
        let mut mem = Fake::new(3 * PAGE + 40, 64 * PAGE);
        let mut heap = Heap::new();
        let mut live: Vec<(usize, usize)> = Vec::new();
        for (i, size) in [1, 8, 9, 100, 3000, 70000, 24, 5, 65536, 200]
            .into_iter()
            .enumerate()
        {
            let align = [1, 8, 4, 16][i % 4];
            let at = unsafe { heap.alloc(&mut mem, size, align) };
            assert_ne!(at, 0, "{size}");
            let block = 1 << class(size, align);
            assert_eq!(at % block, 0, "aligned to its size");
            assert!(at >= mem.start, "after what the module was given");
            assert!(at + block <= mem.size, "inside grown memory");
            for &(other, len) in &live {
                assert!(at + block <= other || other + len <= at, "overlap");
            }
            live.push((at, block));
        }
    }

    #[test]
    fn a_freed_block_is_reused_by_its_class_only_and_last_in_first_out() {
        let mut mem = Fake::new(PAGE, 16 * PAGE);
        let mut heap = Heap::new();
        let a = unsafe { heap.alloc(&mut mem, 20, 4) };
        let b = unsafe { heap.alloc(&mut mem, 30, 4) };
        let c = unsafe { heap.alloc(&mut mem, 100, 4) };
        unsafe { heap.dealloc(&mut mem, a, 20, 4) };
        unsafe { heap.dealloc(&mut mem, b, 30, 4) };
        // Another class does not take them.
        let d = unsafe { heap.alloc(&mut mem, 100, 4) };
        assert!(d != a && d != b && d != c);
        // The same class takes them back, the last freed first.
        assert_eq!(unsafe { heap.alloc(&mut mem, 17, 1) }, b);
        assert_eq!(unsafe { heap.alloc(&mut mem, 32, 8) }, a);
        let fresh = unsafe { heap.alloc(&mut mem, 32, 8) };
        assert!(fresh != a && fresh != b);
    }

    #[test]
    fn the_same_shapes_again_and_again_take_no_more_memory() {
        let mut mem = Fake::new(PAGE, 64 * PAGE);
        let mut heap = Heap::new();
        let shapes = [12, 48, 300, 4096, 20000];
        for round in 0..1000 {
            let blocks: Vec<usize> = shapes
                .iter()
                .map(|&s| unsafe { heap.alloc(&mut mem, s, 8) })
                .collect();
            for (&at, &s) in blocks.iter().zip(&shapes) {
                unsafe { heap.dealloc(&mut mem, at, s, 8) };
            }
            if round == 0 {
                mem.limit = mem.size; // Any further growth would fail.
            }
        }
        assert_ne!(unsafe { heap.alloc(&mut mem, 20000, 8) }, 0);
    }

    #[test]
    fn out_of_memory_and_absurd_sizes_give_null_not_a_wrong_block() {
        let mut mem = Fake::new(PAGE, 2 * PAGE);
        let mut heap = Heap::new();
        assert_eq!(unsafe { heap.alloc(&mut mem, 2 * PAGE, 8) }, 0);
        assert_eq!(unsafe { heap.alloc(&mut mem, usize::MAX / 2, 8) }, 0);
        assert_eq!(unsafe { heap.alloc(&mut mem, 1 << 31, 8) }, 0);
        // What fits still comes.
        assert_ne!(unsafe { heap.alloc(&mut mem, 1000, 8) }, 0);
    }
}
