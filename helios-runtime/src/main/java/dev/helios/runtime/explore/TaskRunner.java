package dev.helios.runtime.explore;

import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Runs an exploration's tasks and hands their results over in task order, whatever order they ran
 * in. The default runs them one after another on the calling thread; {@link ThreadedTaskRunner},
 * reached only through {@code ScenarioBuilder.parallelism}, runs them on threads.
 */
interface TaskRunner {
  TaskRunner SEQUENTIAL = (tasks, explore, accept) -> {
    for (long task : tasks) {
      accept.accept(explore.apply(task));
    }
  };

  void run(long[] tasks, LongFunction<TaskResult> explore, Consumer<TaskResult> accept);
}
