// The read-only view of a workspace (model_view.hpp).
#include "workspace/model_view.hpp"

#include "workspace/impl.hpp"
#include "workspace/links.hpp"

namespace levande::detail {

ModelView::ModelView(const Workspace &workspace) noexcept : impl_(&live_impl(workspace.impl_)) {}

const Tables &ModelView::tables() const noexcept {
  return impl_->t;
}

const std::vector<AuditRecord> &ModelView::audit() const noexcept {
  return impl_->audit;
}

std::uint64_t ModelView::generation() const noexcept {
  return impl_->t.generation;
}

std::shared_ptr<const Links> ModelView::links() const {
  std::lock_guard lock(impl_->links_mutex);
  if (!impl_->links || impl_->links->generation != impl_->t.catalog_generation)
    impl_->links = std::make_shared<const Links>(impl_->t);
  return impl_->links;
}

}  // namespace levande::detail
