/**
 * @file levande/arrow_abi.h
 * @brief The Arrow C Data and C Stream Interface structs, as the Arrow
 *        specification defines them (https://arrow.apache.org/docs/format/CDataInterface.html).
 *
 * The guards are the specification's own, so a program that includes Arrow's
 * or nanoarrow's definitions as well gets one copy. Tables leave levande
 * through an ArrowArrayStream: the consumer calls get_schema, then get_next
 * until it returns a released array, then release.
 */
#ifndef LEVANDE_ARROW_ABI_H
#define LEVANDE_ARROW_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef ARROW_C_DATA_INTERFACE
/** @brief The specification's guard: the C Data Interface structs are defined. */
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1 /**< Dictionary is ordered. */
#define ARROW_FLAG_NULLABLE 2           /**< Field may hold nulls. */
#define ARROW_FLAG_MAP_KEYS_SORTED 4    /**< Map keys are sorted. */

/** @brief Type and name of an array (Arrow C Data Interface). */
struct ArrowSchema {
  const char *format;                    /**< Type, e.g. "g" for float64, "tdD" for date32. */
  const char *name;                      /**< Field name. */
  const char *metadata;                  /**< Binary metadata, or NULL. */
  int64_t flags;                         /**< ARROW_FLAG_* bits. */
  int64_t n_children;                    /**< Number of children. */
  struct ArrowSchema **children;         /**< Children. */
  struct ArrowSchema *dictionary;        /**< Dictionary values' type, or NULL. */
  void (*release)(struct ArrowSchema *); /**< Frees it; NULL once released. */
  void *private_data;                    /**< Producer's data. */
};

/** @brief Data of an array (Arrow C Data Interface). */
struct ArrowArray {
  int64_t length;                       /**< Number of values. */
  int64_t null_count;                   /**< Number of nulls, or -1 when unknown. */
  int64_t offset;                       /**< Offset into the buffers. */
  int64_t n_buffers;                    /**< Number of buffers. */
  int64_t n_children;                   /**< Number of children. */
  const void **buffers;                 /**< Buffers (validity first). */
  struct ArrowArray **children;         /**< Children. */
  struct ArrowArray *dictionary;        /**< Dictionary values, or NULL. */
  void (*release)(struct ArrowArray *); /**< Frees it; NULL once released. */
  void *private_data;                   /**< Producer's data. */
};

#endif /* ARROW_C_DATA_INTERFACE */

#ifndef ARROW_C_STREAM_INTERFACE
/** @brief The specification's guard: the C Stream Interface struct is defined. */
#define ARROW_C_STREAM_INTERFACE

/** @brief A stream of arrays of one schema (Arrow C Stream Interface). */
struct ArrowArrayStream {
  int (*get_schema)(struct ArrowArrayStream *, struct ArrowSchema *out); /**< The schema. */
  int (*get_next)(struct ArrowArrayStream *, struct ArrowArray *out);    /**< Next array. */
  const char *(*get_last_error)(struct ArrowArrayStream *);              /**< Last error. */
  void (*release)(struct ArrowArrayStream *); /**< Frees it; NULL once released. */
  void *private_data;                         /**< Producer's data. */
};

#endif /* ARROW_C_STREAM_INTERFACE */

#ifdef __cplusplus
}
#endif

#endif /* LEVANDE_ARROW_ABI_H */
