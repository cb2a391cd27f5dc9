/* Links the installed library from C. */
#include <levande.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  levande_calendar *se = NULL;
  int32_t day = 0, next = 0;
  char text[LEVANDE_DATE_STRING_SIZE];
  if (levande_calendar_create_sweden(&se, 1, NULL) != LEVANDE_OK) return 1;
  if (levande_date_parse(&day, "2026-06-18", NULL) != LEVANDE_OK) return 1;
  if (levande_calendar_add_business_days(&next, se, day, 1, NULL) != LEVANDE_OK) return 1;
  levande_calendar_destroy(&se);
  if (levande_date_format(text, sizeof text, next, NULL) != LEVANDE_OK) return 1;
  puts(text);
  return strcmp(text, "2026-06-22") == 0 ? 0 : 1;
}
