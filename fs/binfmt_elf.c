// SPDX-License-Identifier: GPL-2.0
/*
 * fs/binfmt_elf.c: loading a static ELF64 executable for AArch64 into a
 * new address space (execve, fs/exec.c). Each PT_LOAD segment becomes a
 * VMA with the segment's permissions; its file bytes are copied in now,
 * the rest (.bss) is zero pages on first touch. The heap starts at the
 * page after the highest segment.
 *
 * Accepted: ET_EXEC, and ET_DYN without PT_INTERP (static-pie, placed at
 * ELF_ET_DYN_BASE). Refused with -ENOEXEC: anything needing a dynamic
 * linker (PT_INTERP), other machines, 32-bit or big-endian files, bad
 * headers; with -EACCES: a segment both writable and executable (W^X).
 */
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm_user.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/processor.h>

#define EI_NIDENT	16
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_EXEC		2
#define ET_DYN		3
#define EM_AARCH64	183
#define PT_LOAD		1
#define PT_INTERP	3
#define PT_PHDR		6
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4
#define ELF_ET_DYN_BASE	(PAGE_ALIGN(TASK_SIZE / 3 * 2))

struct elf64_hdr {
	unsigned char e_ident[EI_NIDENT];
	u16 e_type, e_machine;
	u32 e_version;
	u64 e_entry, e_phoff, e_shoff;
	u32 e_flags;
	u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf64_phdr {
	u32 p_type, p_flags;
	u64 p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align;
};

static bool elf_header_ok(const struct linux_binprm *bprm, const struct elf64_hdr *eh)
{
	if (bprm->size < sizeof(*eh) || memcmp(eh->e_ident, "\177ELF", 4))
		return false;
	if (eh->e_ident[4] != ELFCLASS64 || eh->e_ident[5] != ELFDATA2LSB ||
	    eh->e_ident[6] != EV_CURRENT || eh->e_machine != EM_AARCH64)
		return false;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return false;
	if (eh->e_phentsize != sizeof(struct elf64_phdr) || !eh->e_phnum ||
	    eh->e_phnum > 65536 / sizeof(struct elf64_phdr))
		return false;
	return eh->e_phoff <= bprm->size &&
	       bprm->size - eh->e_phoff >= (u64)eh->e_phnum * sizeof(struct elf64_phdr);
}

/*
 * .bss starts at elf_bss, in the middle of the segment's last file page:
 * the rest of that page holds what follows in the file, zeroed here (the
 * page becomes the process's own copy), as Linux's padzero.
 */
static int padzero(struct mm_struct *mm, unsigned long elf_bss)
{
	unsigned long nbyte = PAGE_ALIGN(elf_bss) - elf_bss;
	void *kaddr;

	if (!nbyte)
		return 0;
	kaddr = mm_user_kaddr(mm, elf_bss);
	if (!kaddr)
		return -ENOMEM;
	memset(kaddr, 0, nbyte);
	return 0;
}

/* Map one PT_LOAD segment and copy its file bytes in. */
static int load_segment(struct linux_binprm *bprm, const struct elf64_phdr *ph, const char *name)
{
	unsigned long vaddr = ph->p_vaddr + bprm->load_bias;
	unsigned long start = vaddr & PAGE_MASK, end, file_end, flags = 0;
	int err;

	if (ph->p_filesz > ph->p_memsz ||
	    (ph->p_filesz && (ph->p_offset > bprm->size ||
			      bprm->size - ph->p_offset < ph->p_filesz)) ||
	    ((ph->p_vaddr - ph->p_offset) & ~PAGE_MASK))
		return -ENOEXEC;
	if (vaddr < PAGE_SIZE || ph->p_memsz > TASK_SIZE || vaddr > TASK_SIZE - ph->p_memsz)
		return -ENOEXEC;
	if ((ph->p_flags & PF_W) && (ph->p_flags & PF_X)) {
		pr_warn("%s: a segment is writable and executable: refused (W^X)\n", name);
		return -EACCES;
	}
	flags |= ph->p_flags & PF_R ? VM_READ : 0;
	flags |= ph->p_flags & PF_W ? VM_WRITE : 0;
	flags |= ph->p_flags & PF_X ? VM_EXEC : 0;
	end = PAGE_ALIGN(vaddr + ph->p_memsz);
	if (end == start)
		return 0;
	/*
	 * As Linux maps it: the pages holding file bytes are a private
	 * mapping of the file (/proc/PID/maps names it), the rest of p_memsz
	 * (.bss) anonymous memory. The file's pages are mapped at the first
	 * touch (mm/memory.c): read-only text stays the file's, shared by
	 * every process running the program; data is copied at its first
	 * write. Without a file (none yet), the bytes are copied in now.
	 */
	file_end = ph->p_filesz ? PAGE_ALIGN(vaddr + ph->p_filesz) : start;
	err = 0;
	if (file_end > start && bprm->file)
		err = insert_vma_file(bprm->mm, start, file_end, flags, bprm->file,
				      ph->p_offset >> PAGE_SHIFT);
	else if (file_end > start)
		err = insert_vma(bprm->mm, start, file_end, flags, name);
	if (!err && end > file_end)
		err = insert_vma(bprm->mm, file_end, end, flags, bprm->file ? NULL : name);
	if (err)
		return err == -EEXIST ? -ENOEXEC : err;
	if (!bprm->file) {
		err = copy_to_mm(bprm->mm, vaddr, bprm->data + ph->p_offset, ph->p_filesz);
		if (!err && (flags & VM_EXEC))	/* the code went in through the linear map */
			for (unsigned long a = start; a < vaddr + ph->p_filesz; a += PAGE_SIZE)
				sync_icache_page((void *)((unsigned long)mm_user_kaddr(bprm->mm, a) &
							  PAGE_MASK));
	}
	if (!err && ph->p_memsz > ph->p_filesz)
		err = padzero(bprm->mm, vaddr + ph->p_filesz);
	if (err)
		return err;
	if (flags & VM_EXEC) {
		if (!bprm->mm->start_code || start < bprm->mm->start_code)
			bprm->mm->start_code = start;
		bprm->mm->end_code = max(bprm->mm->end_code, vaddr + ph->p_filesz);
	} else {
		if (!bprm->mm->start_data || vaddr < bprm->mm->start_data)
			bprm->mm->start_data = vaddr;
		bprm->mm->end_data = max(bprm->mm->end_data, vaddr + ph->p_filesz);
	}
	bprm->mm->start_brk = max(bprm->mm->start_brk, end);
	return 0;
}

int load_elf_binary(struct linux_binprm *bprm, const char *name)
{
	const struct elf64_hdr *eh = (const void *)bprm->data;
	const struct elf64_phdr *ph;
	int err;

	if (!elf_header_ok(bprm, eh))
		return -ENOEXEC;
	ph = (const void *)(bprm->data + eh->e_phoff);
	for (int i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_INTERP)
			return -ENOEXEC;	/* no dynamic linking */
	bprm->load_bias = eh->e_type == ET_DYN ? ELF_ET_DYN_BASE : 0;
	bprm->phnum = eh->e_phnum;
	bprm->phdr = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_PHDR)
			bprm->phdr = ph[i].p_vaddr + bprm->load_bias;
		if (ph[i].p_type != PT_LOAD)
			continue;
		err = load_segment(bprm, &ph[i], name);
		if (err)
			return err;
		/* The headers inside this segment's file bytes: where they are mapped. */
		if (!bprm->phdr && eh->e_phoff >= ph[i].p_offset &&
		    eh->e_phoff - ph[i].p_offset < ph[i].p_filesz)
			bprm->phdr = ph[i].p_vaddr + bprm->load_bias + eh->e_phoff - ph[i].p_offset;
	}
	if (!bprm->mm->start_brk)
		return -ENOEXEC;		/* nothing loaded */
	bprm->mm->brk = bprm->mm->start_brk;
	bprm->entry = eh->e_entry + bprm->load_bias;
	return 0;
}
