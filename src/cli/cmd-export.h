/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * nianbao-cli export.
 */
#pragma once

int cmd_export (int argc, char **argv);
