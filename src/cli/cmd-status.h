/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands over the stored years: list, status, rename-organ.
 */
#pragma once

int cmd_list         (int argc, char **argv);
int cmd_status       (int argc, char **argv);
int cmd_rename_organ (int argc, char **argv);
