// SPDX-License-Identifier: GPL-2.0
/*
 * drivers/firmware/efi/libstub/fdt-rewrite.c: the device tree the EFI stub
 * hands to the kernel, written as a copy of the firmware's (or dtb=) blob:
 *
 *   - the memory reservation block is emptied and every node with
 *     device_type = "memory" dropped: the kernel takes RAM from the UEFI
 *     memory map instead (as Linux's update_fdt() does);
 *   - /chosen (created if missing) gets bootargs, linux,initrd-start/-end,
 *     linux,uefi-system-table and linux,uefi-mmap-start/-size/-desc-size/
 *     -desc-ver, replacing older copies. As in Linux, bootargs and the
 *     initrd properties already there are kept when the stub has none of
 *     its own (an empty command line; an initrd a loader such as GRUB 2.06
 *     described in the device tree it installed).
 *
 * Linux's stub edits the blob with libfdt. Here the kernel links Debian's
 * prebuilt libfdt, built with the stack protector, whose canary is reached
 * through a GOT entry holding a link-time (kernel virtual) address: not
 * usable from the stub, which runs at the firmware's physical load address.
 * So the stub writes the blob itself, token by token. The memory map's
 * values are placeholders until the final GetMemoryMap(): *slots says where
 * they are, for efi_fdt_set_be32/64().
 *
 * Pure code on a buffer: tested on the host (tools/testing/unit/test_efi_fdt.c).
 */
#include <linux/string.h>
#include <linux/types.h>
#include "efistub.h"

#define FDT_MAGIC	0xd00dfeed
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9
#define FDT_HDR_SIZE	40

/* The properties written into /chosen, in order, NUL-separated. */
static const char chosen_names[] =
	"bootargs\0"
	"linux,initrd-start\0"
	"linux,initrd-end\0"
	"linux,uefi-system-table\0"
	"linux,uefi-mmap-start\0"
	"linux,uefi-mmap-size\0"
	"linux,uefi-mmap-desc-size\0"
	"linux,uefi-mmap-desc-ver\0";
enum { P_BOOTARGS, P_INITRD_START, P_INITRD_END, P_SYSTAB, P_MMAP_START, P_MMAP_SIZE,
       P_MMAP_DESC_SIZE, P_MMAP_DESC_VER, P_COUNT };

static u32 get_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

void efi_fdt_set_be32(void *slot, u32 v)
{
	u8 *p = slot;

	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

void efi_fdt_set_be64(void *slot, u64 v)
{
	efi_fdt_set_be32(slot, v >> 32);
	efi_fdt_set_be32((u8 *)slot + 4, (u32)v);
}

/* Offset of the n-th name in chosen_names. */
static unsigned int name_offset(int n)
{
	unsigned int off = 0;

	while (n--)
		off += strlen(chosen_names + off) + 1;
	return off;
}

/* Is name one of the properties the stub writes into /chosen this time? */
static bool stub_owns(const char *name, const struct efi_fdt_params *p)
{
	if (!strcmp(name, "bootargs"))
		return p->bootargs && p->bootargs[0];
	if (!strcmp(name, "linux,initrd-start") || !strcmp(name, "linux,initrd-end"))
		return p->initrd_end > p->initrd_start;
	for (int i = 0; i < P_COUNT; i++)
		if (!strcmp(name, chosen_names + name_offset(i)))
			return true;
	return false;
}

struct blob_out {
	u8 *buf;
	unsigned long pos, cap;
	bool overflow;
};

static void *emit(struct blob_out *o, const void *data, unsigned long len)
{
	void *at = o->buf + o->pos;

	if (o->overflow || len > o->cap - o->pos) {
		o->overflow = true;
		return NULL;
	}
	if (data)
		memcpy(at, data, len);
	else
		memset(at, 0, len);
	o->pos += len;
	return at;
}

static void emit32(struct blob_out *o, u32 v)
{
	u8 *at = emit(o, NULL, 4);

	if (at)
		efi_fdt_set_be32(at, v);
}

static void pad4(struct blob_out *o)
{
	if (o->pos % 4)
		emit(o, NULL, 4 - o->pos % 4);
}

/* A property of /chosen; returns where its value went. */
static void *emit_prop(struct blob_out *o, u32 nameoff, const void *val, u32 len)
{
	void *at;

	emit32(o, FDT_PROP);
	emit32(o, len);
	emit32(o, nameoff);
	at = emit(o, val, len);
	pad4(o);
	return at;
}

static void emit_chosen_props(struct blob_out *o, u32 names_base,
			      const struct efi_fdt_params *p, struct efi_fdt_mmap_slots *slots)
{
	u8 v[8];

	if (p->bootargs && p->bootargs[0])
		emit_prop(o, names_base + name_offset(P_BOOTARGS), p->bootargs,
			  strlen(p->bootargs) + 1);
	if (p->initrd_end > p->initrd_start) {
		efi_fdt_set_be64(v, p->initrd_start);
		emit_prop(o, names_base + name_offset(P_INITRD_START), v, 8);
		efi_fdt_set_be64(v, p->initrd_end);
		emit_prop(o, names_base + name_offset(P_INITRD_END), v, 8);
	}
	efi_fdt_set_be64(v, p->system_table);
	emit_prop(o, names_base + name_offset(P_SYSTAB), v, 8);
	efi_fdt_set_be64(v, p->mmap_start);
	slots->start = emit_prop(o, names_base + name_offset(P_MMAP_START), v, 8);
	efi_fdt_set_be32(v, p->mmap_size);
	slots->size = emit_prop(o, names_base + name_offset(P_MMAP_SIZE), v, 4);
	efi_fdt_set_be32(v, p->mmap_desc_size);
	slots->desc_size = emit_prop(o, names_base + name_offset(P_MMAP_DESC_SIZE), v, 4);
	efi_fdt_set_be32(v, p->mmap_desc_ver);
	slots->desc_ver = emit_prop(o, names_base + name_offset(P_MMAP_DESC_VER), v, 4);
}

/* The input blob's structure block, walked with bounds checks. */
struct blob_in {
	const u8 *fdt;
	u32 off_struct, size_struct, off_strings, size_strings;
	u32 pos;	/* in the structure block */
};

/* The next token at in->pos; 0 when it runs out of the block. */
static u32 peek_token(const struct blob_in *in, u32 pos)
{
	if (pos % 4 || pos + 4 > in->size_struct)
		return 0;
	return get_be32(in->fdt + in->off_struct + pos);
}

/* Length of the token at pos, tag included, padded; 0 if malformed. */
static u32 token_len(const struct blob_in *in, u32 pos)
{
	const u8 *s = in->fdt + in->off_struct;
	u32 tag = peek_token(in, pos), len;

	switch (tag) {
	case FDT_BEGIN_NODE:
		for (len = 4; pos + len < in->size_struct; len++)
			if (!s[pos + len])
				return (len + 1 + 3) & ~3u;
		return 0;
	case FDT_PROP:
		if (pos + 12 > in->size_struct)
			return 0;
		len = get_be32(s + pos + 4);
		if (len > in->size_struct - pos - 12 ||
		    get_be32(s + pos + 8) >= in->size_strings)
			return 0;
		return (12 + len + 3) & ~3u;
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		return 4;
	default:
		return 0;
	}
}

static const char *prop_name(const struct blob_in *in, u32 pos)
{
	return (const char *)in->fdt + in->off_strings +
	       get_be32(in->fdt + in->off_struct + pos + 8);
}

/* Does the node whose BEGIN_NODE is at pos have device_type = "memory"? */
static bool is_memory_node(const struct blob_in *in, u32 pos)
{
	const u8 *s = in->fdt + in->off_struct;
	u32 len;

	for (pos += token_len(in, pos); (len = token_len(in, pos)); pos += len) {
		u32 tag = peek_token(in, pos);

		if (tag == FDT_NOP)
			continue;
		if (tag != FDT_PROP)
			return false;
		if (!strcmp(prop_name(in, pos), "device_type") &&
		    get_be32(s + pos + 4) == 7 && !memcmp(s + pos + 12, "memory", 7))
			return true;
	}
	return false;
}

unsigned long efi_fdt_rewrite_size(const void *fdt, const struct efi_fdt_params *p)
{
	unsigned long args = p->bootargs ? strlen(p->bootargs) + 1 : 0;

	/* new header and empty reservation block, /chosen's node, 8 props */
	return get_be32((const u8 *)fdt + 4) + FDT_HDR_SIZE + 16 + 16 + sizeof(chosen_names) +
	       P_COUNT * (12 + 8) + args + 8;
}

int efi_fdt_rewrite(const void *fdt, void *out, unsigned long out_size,
		    const struct efi_fdt_params *p, struct efi_fdt_mmap_slots *slots)
{
	const u8 *f = fdt;
	struct blob_in in = { .fdt = f };
	struct blob_out o = { .buf = out, .cap = out_size };
	u32 total, names_base, struct_start, strings_start, len, tag;
	int depth = 0, skip_depth = 0, chosen_depth = 0;
	bool chosen_seen = false, chosen_done = false, ended = false;

	if (get_be32(f) != FDT_MAGIC)
		return -1;
	total = get_be32(f + 4);
	in.off_struct = get_be32(f + 8);
	in.off_strings = get_be32(f + 12);
	in.size_strings = get_be32(f + 32);
	in.size_struct = get_be32(f + 36);
	if (get_be32(f + 20) < 17 || total < FDT_HDR_SIZE ||
	    in.off_struct > total || in.size_struct > total - in.off_struct ||
	    in.off_strings > total || in.size_strings > total - in.off_strings)
		return -1;
	names_base = in.size_strings;

	/* header (filled last), then an empty memory reservation block */
	emit(&o, NULL, FDT_HDR_SIZE + 16);
	struct_start = o.pos;

	for (in.pos = 0; !ended && (len = token_len(&in, in.pos)); in.pos += len) {
		const u8 *tok = f + in.off_struct + in.pos;

		tag = peek_token(&in, in.pos);
		if (skip_depth) {	/* inside a dropped memory node */
			if (tag == FDT_BEGIN_NODE)
				skip_depth++;
			else if (tag == FDT_END_NODE)
				skip_depth--;
			continue;
		}
		switch (tag) {
		case FDT_BEGIN_NODE:
			if (depth >= 1 && is_memory_node(&in, in.pos)) {
				skip_depth = 1;
				continue;
			}
			/* a node's properties come before its subnodes */
			if (chosen_depth && depth == chosen_depth && !chosen_done) {
				emit_chosen_props(&o, names_base, p, slots);
				chosen_done = true;
			}
			depth++;
			if (depth == 2 && !strcmp((const char *)tok + 4, "chosen")) {
				chosen_depth = depth;
				chosen_seen = true;
			}
			emit(&o, tok, len);
			break;
		case FDT_PROP:
			if (chosen_depth && depth == chosen_depth &&
			    stub_owns(prop_name(&in, in.pos), p))
				continue;
			emit(&o, tok, len);
			break;
		case FDT_END_NODE:
			if (chosen_depth && depth == chosen_depth) {
				if (!chosen_done)
					emit_chosen_props(&o, names_base, p, slots);
				chosen_done = true;
				chosen_depth = 0;
			} else if (depth == 1 && !chosen_seen) {
				emit32(&o, FDT_BEGIN_NODE);
				emit(&o, "chosen", 7);
				pad4(&o);
				emit_chosen_props(&o, names_base, p, slots);
				emit32(&o, FDT_END_NODE);
			}
			if (--depth < 0)
				return -1;
			emit(&o, tok, len);
			break;
		case FDT_NOP:
			break;
		case FDT_END:
			ended = true;
			emit(&o, tok, len);
			break;
		}
	}
	if (!ended || depth || skip_depth)
		return -1;

	strings_start = o.pos;
	emit(&o, f + in.off_strings, in.size_strings);
	emit(&o, chosen_names, sizeof(chosen_names) - 1);
	if (o.overflow)
		return -1;

	efi_fdt_set_be32(o.buf + 0, FDT_MAGIC);
	efi_fdt_set_be32(o.buf + 4, o.pos);
	efi_fdt_set_be32(o.buf + 8, struct_start);
	efi_fdt_set_be32(o.buf + 12, strings_start);
	efi_fdt_set_be32(o.buf + 16, FDT_HDR_SIZE);
	efi_fdt_set_be32(o.buf + 20, 17);
	efi_fdt_set_be32(o.buf + 24, 16);
	efi_fdt_set_be32(o.buf + 28, get_be32(f + 28));
	efi_fdt_set_be32(o.buf + 32, o.pos - strings_start);
	efi_fdt_set_be32(o.buf + 36, strings_start - struct_start);
	return 0;
}
