package dev.helios.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text of {@code @SimulationTest(seeds = ...)}: ranges, lists and mixes, and what is not one. */
class SeedListTest {
  private static List<Long> seeds(String text, Long... skip) {
    return SeedList.parse(text).seeds(Set.of(skip)).boxed().toList();
  }

  @Test
  void rangesListsAndMixesNameEachSeedOnceInTheOrderWritten() {
    assertEquals(List.of(0L, 1L, 2L, 3L), seeds("0..3"));
    assertEquals(List.of(1L, 5L, 9L), seeds("1,5,9"));
    assertEquals(List.of(7L, 8L, 9L, 42L, 3L), seeds("7..9,42,3"));
    assertEquals(List.of(-2L, -1L, 0L, 17L), seeds(" -2 .. 0 , 17 "));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seeds("0..2,1,2..4,0"));
    assertEquals(List.of(0L, 3L, 4L), seeds("0..4", 1L, 2L, 99L));
    assertEquals(List.of(5L), seeds("5..5"));
  }

  @Test
  void aHugeRangeCostsNothingUntilItRuns() {
    assertEquals(List.of(Long.MAX_VALUE - 1, Long.MAX_VALUE), seeds(Long.MAX_VALUE - 1 + ".." + Long.MAX_VALUE));
    assertEquals(List.of(0L, 1L, 2L), SeedList.parse("0..9223372036854775806").seeds(Set.of()).limit(3).boxed().toList());
  }

  @Test
  void badTextIsRefusedNamingTheTextThePartAndTheRule() {
    String rule = "; write a range A..B (both included, A <= B), seeds separated by commas, or a mix,"
        + " e.g. \"0..99\", \"1,5,9\" or \"0..9,42\"";
    assertEquals("@SimulationTest(seeds = \"0..x\") is not a list of seeds: \"0..x\" is neither a seed nor a range" + rule,
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("0..x")).getMessage());
    assertEquals("@SimulationTest(seeds = \"9..3\") is not a list of seeds: the range 9..3 runs from high to low" + rule,
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("9..3")).getMessage());
    assertEquals("@SimulationTest(seeds = \"\") is not a list of seeds: \"\" is neither a seed nor a range" + rule,
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("")).getMessage());
    assertEquals("@SimulationTest(seeds = \"1,,2\") is not a list of seeds: \"\" is neither a seed nor a range" + rule,
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1,,2")).getMessage());
    assertEquals("@SimulationTest(seeds = \"0-9\") is not a list of seeds: \"0-9\" is neither a seed nor a range" + rule,
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("0-9")).getMessage());
    assertEquals("@SimulationTest(seeds = \"99999999999999999999\") is not a list of seeds: \"99999999999999999999\""
            + " holds a number that does not fit a long" + rule,
        assertThrows(IllegalArgumentException.class, () -> SeedList.parse("99999999999999999999")).getMessage());
  }
}
