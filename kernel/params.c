// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/params.c: the kernel command line, word by word, the Linux way.
 *
 * Each word is `name`, `name=value` or `name="a value"`. Handlers declared
 * with early_param() run first, from setup_arch(), as soon as the device
 * tree has given the command line; __setup() handlers run later, from
 * start_kernel(). Words no handler claims are listed, as Linux lists the
 * ones it would pass to user space, and are not an error. Everything after
 * a lone "--" belongs to init and is not looked at.
 */
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>

char boot_command_line[COMMAND_LINE_SIZE];

/*
 * Split the next word off *line (in place): name and value (NULL without
 * '='). Returns false at the end of the line.
 */
static bool next_arg(char **line, char **name, char **value)
{
	char *p = *line;
	bool quoted = false;

	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (!*p)
		return false;
	*name = p;
	*value = NULL;
	for (; *p; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && (*p == ' ' || *p == '\t' || *p == '\n'))
			break;
		if (*p == '=' && !*value) {
			*p = '\0';
			*value = p + 1;
		}
	}
	if (*p)
		*p++ = '\0';
	*line = p;
	if (*value && **value == '"') {	/* strip one pair of quotes */
		size_t n = strlen(*value);

		(*value)++;
		if (n >= 2 && (*value)[n - 2] == '"')
			(*value)[n - 2] = '\0';
	}
	return true;
}

/* The handler for a word; early_param names match without '=', __setup with. */
static const struct obs_kernel_param *find_param(const char *name, bool has_value, int *early)
{
	for (const struct obs_kernel_param *p = __setup_start; p < __setup_end; p++) {
		size_t n = strlen(p->str);
		bool with_eq = n && p->str[n - 1] == '=';

		if (with_eq ? (has_value && !strncmp(p->str, name, n - 1) && !name[n - 1])
			    : !strcmp(p->str, name)) {
			*early = p->early;
			return p;
		}
	}
	return NULL;
}

/* The words after "--": init's argv[1..] (kernel_init in init/main.c). */
const char *init_args[MAX_INIT_ARGS + 1];

static void collect_init_args(char *cursor)
{
	char *name, *value;
	int n = 0;

	while (n < MAX_INIT_ARGS && next_arg(&cursor, &name, &value)) {
		if (value)	/* "a=b" was split at '=' by next_arg: join it */
			name[strlen(name)] = '=';
		init_args[n++] = name;
	}
	init_args[n] = NULL;
}

static void parse_args(bool early)
{
	static char line[COMMAND_LINE_SIZE];
	char *cursor = line, *name, *value;
	int unknown = 0;

	strlcpy(line, boot_command_line, sizeof(line));
	while (next_arg(&cursor, &name, &value)) {
		int is_early;
		const struct obs_kernel_param *p;

		if (!strcmp(name, "--") && !value) {	/* the rest is init's */
			if (!early)
				collect_init_args(cursor);
			break;
		}
		p = find_param(name, value != NULL, &is_early);
		if (p && !!is_early == early) {
			if (p->setup_func(value) < 0)
				pr_warn("Malformed early option '%s'\n", name);
		} else if (!p && !early) {
			/* One line, built word by word: no length limit. */
			if (!unknown++)
				pr_notice("Unknown kernel command line parameters \"");
			pr_cont("%s%s%s%s", unknown > 1 ? " " : "", name, value ? "=" : "",
				value ? value : "");
		}
	}
	if (unknown)
		pr_cont("\", will be passed to user space.\n");
}

void __init parse_early_param(void)
{
	static bool done;

	if (!done)
		parse_args(true);
	done = true;
}

void __init parse_args_late(void)
{
	parse_args(false);
}
