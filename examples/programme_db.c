/* Loads a programme document into a SQLite workspace through the C API and
 * prints what it holds and the check-in adherence of each plan.
 *
 *   programme_db programme.json programme.db
 *
 * The database is created when missing; an existing one keeps its content and
 * the document is added to it (a duplicate id is reported, nothing changes). */
#include <levande.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_all(const char *path) {
  FILE *f = fopen(path, "rb");
  char *text = NULL;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    text = malloc((size_t)size + 1);
    if (text != NULL && fread(text, 1, (size_t)size, f) == (size_t)size) {
      text[size] = '\0';
    } else {
      free(text);
      text = NULL;
    }
  }
  fclose(f);
  return text;
}

int main(int argc, char **argv) {
  levande_workspace *ws = NULL;
  levande_error *err = NULL;
  levande_check_in_columns c;
  char *document;
  size_t n, i, plans;
  int status = 0;

  if (argc != 3) {
    fprintf(stderr, "usage: %s PROGRAMME.json DATABASE\n", argv[0]);
    return 2;
  }
  document = read_all(argv[1]);
  if (document == NULL) {
    fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 1;
  }
  if (levande_workspace_open(&ws, argv[2], 0, &err) != LEVANDE_OK ||
      levande_workspace_import_json(ws, document, &err) != LEVANDE_OK) {
    fprintf(stderr, "levande: %s\n", levande_error_message(err));
    levande_error_destroy(&err);
    status = 1;
  }
  free(document);
  if (ws != NULL) {
    for (i = 0; i < LEVANDE_KIND_COUNT; ++i) {
      if (levande_workspace_count(&n, ws, (int32_t)i, NULL) == LEVANDE_OK && n > 0) {
        printf("%-18s %zu\n", levande_kind_name((int32_t)i), n);
      }
    }
    /* Check-ins held per plan, straight from the columns. */
    if (levande_workspace_check_ins(&c, ws, NULL) == LEVANDE_OK &&
        levande_workspace_count(&plans, ws, LEVANDE_KIND_ACTION_PLAN, NULL) == LEVANDE_OK) {
      for (i = 0; i < plans; ++i) {
        size_t held = 0, due = 0, k;
        const char *id = "?";
        for (k = 0; k < c.size; ++k) {
          if (c.plan[k] != i) continue;
          ++due;
          held += c.status[k] == 1;
        }
        levande_workspace_id_at(&id, ws, LEVANDE_KIND_ACTION_PLAN, (uint32_t)i, NULL);
        if (due > 0) printf("check-ins held %-10s %zu of %zu\n", id, held, due);
      }
    }
  }
  levande_workspace_destroy(&ws);
  return status;
}
