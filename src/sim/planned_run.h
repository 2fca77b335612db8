// A run's send plan and provider queue, built ahead: they read the campaign, the
// recipients, the profile and the seed, not the content findings, so a caller may
// build them beside the content checks and give them to Simulate afterwards.
#ifndef SMSLINT_SIM_PLANNED_RUN_H_
#define SMSLINT_SIM_PLANNED_RUN_H_

#include <utility>

#include "sim/provider_queue.h"
#include "sim/simulator.h"

namespace smslint {

struct PlannedRun {
  PlannedRun() = default;
  // The queue reads plan.events through a pointer: a move points it at the moved plan.
  PlannedRun(PlannedRun&& other) noexcept
      : plan(std::move(other.plan)), queue(std::move(other.queue)) {
    queue.events = &plan.events;
  }
  PlannedRun& operator=(PlannedRun&& other) noexcept {
    plan = std::move(other.plan);
    queue = std::move(other.queue);
    queue.events = &plan.events;
    return *this;
  }

  SendPlan plan;
  QueueOutcome queue;
};

// PlanSends and the provider queue of `input` (its content findings are not read).
PlannedRun PlanRun(const SimulationInput& input);

// Simulate(input), from a PlanRun of an input that differs at most in its content
// findings: the same output.
SimulationOutput Simulate(const SimulationInput& input, PlannedRun run);

}  // namespace smslint

#endif  // SMSLINT_SIM_PLANNED_RUN_H_
