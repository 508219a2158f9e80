package dev.helios.bench.fork;

import com.esotericsoftware.kryo.Kryo;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.internal.Copier;
import dev.helios.runtime.internal.NodeCompanion;
import dev.helios.runtime.internal.NodeCompanions;
import dev.helios.runtime.kernel.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Fork cost: {@code Simulation.fork()} of a 5-node simulation whose nodes each hold BENCHMARKS.md's
 * copy workload, against copying the same five node states with Kryo and with a Java serialization
 * round trip. The fork copies more than the peers do (queue, random streams, network, trace); the
 * companion and hand-written copies show the nodes alone.
 *
 * <p>Kryo is configured as a careful user would: classes registered (registration required, so
 * no class names are written or looked up) and references off (Kryo 5's default; the state has no
 * cycles and no shared mutable objects, so reference tracking would only add an identity map).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ForkBenchmark {
  /** Nodes in the simulation. */
  public static final int NODE_COUNT = 5;
  /** Log entries per node. */
  public static final int LOG_SIZE = 1_000;
  /** Map entries per node. */
  public static final int KEY_COUNT = 100;

  private Simulation simulation;
  private Kernel kernel;
  private ReplicaNode[] nodes;
  private NodeCompanion<ReplicaNode> companion;
  private Kryo kryo;

  @Setup
  public void buildState() throws Exception {
    SimulationBuilder builder = SimulationBuilder.create().seed(1).recordTrace(false);
    for (int id = 0; id < NODE_COUNT; id++) {
      builder.node(id, ReplicaNode::new);
    }
    simulation = builder.build();
    simulation.run(); // runs the start events, so the state is that of a simulation under way
    kernel = Kernels.of(simulation);
    nodes = new ReplicaNode[NODE_COUNT];
    for (int id = 0; id < NODE_COUNT; id++) {
      nodes[id] = simulation.node(id, ReplicaNode.class);
      nodes[id].fill(id, LOG_SIZE, KEY_COUNT);
    }
    companion = NodeCompanions.of(ReplicaNode.class);
    kryo = new Kryo();
    kryo.setRegistrationRequired(true);
    kryo.setReferences(false);
    kryo.register(ReplicaNode[].class);
    kryo.register(ReplicaNode.class);
    kryo.register(LogEntry.class);
    kryo.register(ArrayList.class);
    kryo.register(HashMap.class);
    checkCopiesAreEqual();
  }

  /** Fails unless every method produces a state equal to the source (by the generated fingerprint). */
  private void checkCopiesAreEqual() throws Exception {
    long[] expected = fingerprints(nodes);
    ReplicaNode[] forked = new ReplicaNode[NODE_COUNT];
    ReplicaNode[] forkedEagerly = new ReplicaNode[NODE_COUNT];
    Simulation fork = heliosForkCopyingEveryNode();
    Kernel eager = heliosForkEager();
    for (int id = 0; id < NODE_COUNT; id++) {
      forked[id] = fork.node(id, ReplicaNode.class);
      forkedEagerly[id] = (ReplicaNode) eager.node(id);
    }
    ReplicaNode[][] copies = {forked, forkedEagerly, companionCopy(), handWrittenCopy(), kryoCopy(), javaSerializationRoundTrip()};
    for (ReplicaNode[] copy : copies) {
      if (!java.util.Arrays.equals(fingerprints(copy), expected) || copy[0] == nodes[0] || copy[0].log == nodes[0].log) {
        throw new IllegalStateException("a copy differs from its source or shares its mutable state");
      }
    }
  }

  private long[] fingerprints(ReplicaNode[] replicas) {
    long[] digests = new long[replicas.length];
    for (int i = 0; i < replicas.length; i++) {
      digests[i] = NodeCompanions.of(ReplicaNode.class).fingerprint(replicas[i]);
    }
    return digests;
  }

  /**
   * {@code Simulation.fork()}: the whole simulation, sharing the nodes, which each side copies when
   * it first touches one (issue 10). What the explorer pays per branch before the branch runs.
   */
  @Benchmark
  public Simulation heliosFork() {
    return simulation.fork();
  }

  /**
   * {@code Simulation.fork()}, then every node touched ({@code node(id)}), so all five are copied:
   * what a branch that changes every node pays, and what compares with the peers' copies.
   */
  @Benchmark
  public Simulation heliosForkCopyingEveryNode() {
    Simulation fork = simulation.fork();
    for (int id = 0; id < NODE_COUNT; id++) {
      fork.node(id);
    }
    return fork;
  }

  /** {@code Kernel.forkEager()}: every node copied at the fork, through one copier, as before issue 10. */
  @Benchmark
  public Kernel heliosForkEager() {
    return kernel.forkEager();
  }

  /**
   * The fingerprint of the same simulation: what the explorer pays per branch to find a state it
   * has seen, against {@link #heliosFork}, which it pays to keep one.
   */
  @Benchmark
  public long heliosFingerprint() {
    return simulation.fingerprint();
  }

  /** The five nodes through the generated copy only, with one copier for all, as a fork copies them. */
  @Benchmark
  public ReplicaNode[] companionCopy() {
    ReplicaNode[] copies = new ReplicaNode[NODE_COUNT];
    Copier copier = new Copier();
    for (int id = 0; id < NODE_COUNT; id++) {
      copies[id] = new ReplicaNode();
      companion.copyState(nodes[id], copies[id], copier);
    }
    return copies;
  }

  /** The five nodes through a hand-written copy constructor: the limit. */
  @Benchmark
  public ReplicaNode[] handWrittenCopy() {
    ReplicaNode[] copies = new ReplicaNode[NODE_COUNT];
    for (int id = 0; id < NODE_COUNT; id++) {
      copies[id] = nodes[id].handWrittenCopy();
    }
    return copies;
  }

  @Benchmark
  public ReplicaNode[] kryoCopy() {
    return kryo.copy(nodes);
  }

  @Benchmark
  public ReplicaNode[] javaSerializationRoundTrip() throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(nodes);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ReplicaNode[]) in.readObject();
    }
  }
}
