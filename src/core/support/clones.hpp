// Hot loops written to vectorise get a second build for AVX2, picked at load
// time on processors that have it (GCC/Clang function multiversioning, which
// needs ifunc support: x86-64 ELF with glibc). Elsewhere the attribute is
// empty and the loop is built once for the baseline target.
#ifndef LEVANDE_SRC_CORE_SUPPORT_CLONES_HPP
#define LEVANDE_SRC_CORE_SUPPORT_CLONES_HPP

#include <cstddef>  // defines __GLIBC__ where glibc is the C library

#if defined(__x86_64__) && defined(__linux__) && defined(__GLIBC__) && \
    (defined(__GNUC__) || defined(__clang__)) && !defined(LEVANDE_NO_CLONES)
#define LEVANDE_AVX2_CLONE __attribute__((target_clones("avx2", "default")))
#else
#define LEVANDE_AVX2_CLONE
#endif

#endif
