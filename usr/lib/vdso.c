// SPDX-License-Identifier: GPL-2.0
/*
 * vdso.c: vdso_sym(version, name), a function of the vDSO the kernel
 * maps into every process (AT_SYSINFO_EHDR: an ELF shared object linked
 * at 0), found the way a dynamic linker would: its PT_DYNAMIC gives the
 * symbol table (DT_SYMTAB; DT_HASH's nchain counts it), the strings and
 * the version tables (DT_VERSYM, DT_VERDEF). Nothing is relocated; an
 * address is the mapping's start plus the symbol's value. NULL when there
 * is no vDSO (qemu-aarch64 may give none) or no such symbol@version.
 */
#include <string.h>
#include <sys/auxv.h>
#include <vdso.h>

struct elf64_ehdr {
	unsigned char e_ident[16];
	unsigned short e_type, e_machine;
	unsigned int e_version;
	unsigned long e_entry, e_phoff, e_shoff;
	unsigned int e_flags;
	unsigned short e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
	unsigned int p_type, p_flags;
	unsigned long p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

struct elf64_dyn {
	long d_tag;
	unsigned long d_val;
};

struct elf64_sym {
	unsigned int st_name;
	unsigned char st_info, st_other;
	unsigned short st_shndx;
	unsigned long st_value, st_size;
};

struct elf64_verdef {
	unsigned short vd_version, vd_flags, vd_ndx, vd_cnt;
	unsigned int vd_hash, vd_aux, vd_next;
};

struct elf64_verdaux {
	unsigned int vda_name, vda_next;
};

#define PT_LOAD		1
#define PT_DYNAMIC	2
#define DT_NULL		0
#define DT_HASH		4
#define DT_STRTAB	5
#define DT_SYMTAB	6
#define DT_VERSYM	0x6ffffff0
#define DT_VERDEF	0x6ffffffc
#define STT_FUNC	2
#define STB_GLOBAL	1
#define SHN_UNDEF	0

/* The name of version index ndx, or NULL. */
static const char *version_name(const struct elf64_verdef *vd, const char *strtab,
				unsigned int ndx)
{
	for (;;) {
		if ((vd->vd_ndx & 0x7fff) == ndx) {
			const struct elf64_verdaux *aux =
				(const void *)((const char *)vd + vd->vd_aux);

			return strtab + aux->vda_name;
		}
		if (!vd->vd_next)
			return NULL;
		vd = (const void *)((const char *)vd + vd->vd_next);
	}
}

void *vdso_sym(const char *version, const char *name)
{
	const struct elf64_ehdr *eh = (const void *)getauxval(AT_SYSINFO_EHDR);
	const struct elf64_phdr *ph;
	const struct elf64_dyn *dyn = NULL;
	const struct elf64_sym *symtab = NULL;
	const struct elf64_verdef *verdef = NULL;
	const unsigned short *versym = NULL;
	const unsigned int *hash = NULL;
	const char *strtab = NULL;
	unsigned long base = 0;
	int have_base = 0;

	if (!eh || memcmp(eh->e_ident, "\177ELF", 4))
		return NULL;
	ph = (const void *)((const char *)eh + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !have_base) {
			base = (unsigned long)eh + ph[i].p_offset - ph[i].p_vaddr;
			have_base = 1;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const void *)((const char *)eh + ph[i].p_offset);
		}
	}
	if (!dyn || !have_base)
		return NULL;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		const void *p = (const void *)(base + dyn->d_val);

		if (dyn->d_tag == DT_SYMTAB)
			symtab = p;
		else if (dyn->d_tag == DT_STRTAB)
			strtab = p;
		else if (dyn->d_tag == DT_HASH)
			hash = p;
		else if (dyn->d_tag == DT_VERSYM)
			versym = p;
		else if (dyn->d_tag == DT_VERDEF)
			verdef = p;
	}
	if (!symtab || !strtab || !hash || !versym || !verdef)
		return NULL;
	for (unsigned int i = 0; i < hash[1]; i++) {	/* nchain: the symbol count */
		const struct elf64_sym *s = &symtab[i];
		const char *v;

		if ((s->st_info & 0xf) != STT_FUNC || (s->st_info >> 4) != STB_GLOBAL ||
		    s->st_shndx == SHN_UNDEF || strcmp(strtab + s->st_name, name))
			continue;
		v = version_name(verdef, strtab, versym[i] & 0x7fff);
		if (v && !strcmp(v, version))
			return (void *)(base + s->st_value);
	}
	return NULL;
}
