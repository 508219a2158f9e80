package dev.helios.runtime.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The deep copies of collections that generated code makes: a copy is of the source's own class,
 * iterates in the source's order and behaves as the source does from then on.
 *
 * <ul>
 *   <li>{@code ArrayList}, {@code LinkedList}, {@code ArrayDeque}, {@code LinkedHashSet}, {@code
 *       TreeSet}, {@code EnumSet}, {@code LinkedHashMap}, {@code TreeMap} and {@code EnumMap} are
 *       copied by their copy constructors, which keep the order and a comparator; a
 *       {@code LinkedHashMap} also keeps its access order (found by {@link #isAccessOrdered}); a
 *       subclass is cloned, which keeps its class and fields. Then mutable elements are copied in
 *       place.
 *   <li>{@code HashMap} and {@code HashSet}, whose order depends on a capacity they do not show,
 *       are rebuilt with the smallest capacity that reproduces the source's order, and checked.
 *   <li>Unmodifiable collections ({@code List.of}, {@code Collections.unmodifiableSet}...) are
 *       shared when their elements are immutable, and otherwise rebuilt, unmodifiable, with copied
 *       elements in the same order.
 *   <li>Anything else cannot be copied exactly: the copy throws, naming the field and the fix.
 * </ul>
 *
 * <p>Element copiers are null when elements are immutable and shared. {@code where} names the field
 * for error messages. Each copy is remembered in the {@link Copier}, so shared collections stay
 * shared.
 */
public final class Copies {
  /** The largest hash table tried when reproducing a {@code HashMap}'s order. */
  private static final int HASH_CAPACITY_MAX = 1 << 20;

  private Copies() {}

  // ---- lists and queues ----

  /** A copy of a list. */
  @SuppressWarnings("unchecked")
  public static <E> List<E> list(List<E> source, Copier copier, UnaryOperator<E> copyElement, String where) {
    if (source == null) {
      return null;
    }
    List<E> done = copier.copied(source);
    if (done != null) {
      return done;
    }
    List<E> copy;
    if (source instanceof ArrayList<?> || source instanceof LinkedList<?>) {
      copy = (List<E>) ofSameClass(source);
    } else if (Unmodifiable.is(source)) {
      return copier.remember(source, copyElement == null ? source : unmodifiableList(source, copyElement));
    } else {
      throw cannotCopy(where, source, "an ArrayList, a LinkedList or an unmodifiable list (List.of, List.copyOf)");
    }
    copier.remember(source, copy);
    if (copyElement != null) {
      for (ListIterator<E> elements = copy.listIterator(); elements.hasNext(); ) {
        elements.set(copyElement.apply(elements.next()));
      }
    }
    return copy;
  }

  private static <E> List<E> unmodifiableList(List<E> source, UnaryOperator<E> copyElement) {
    List<E> elements = new ArrayList<>(source.size());
    for (E element : source) {
      elements.add(copyElement.apply(element));
    }
    return Collections.unmodifiableList(elements);
  }

  /** A copy of a queue or deque: an {@code ArrayDeque} or a {@code LinkedList}. */
  @SuppressWarnings("unchecked")
  public static <E, Q extends Queue<E>> Q queue(Q source, Copier copier, UnaryOperator<E> copyElement, String where) {
    if (source == null) {
      return null;
    }
    Q done = copier.copied(source);
    if (done != null) {
      return done;
    }
    if (source instanceof LinkedList<?>) {
      return (Q) list((List<E>) source, copier, copyElement, where);
    }
    if (!(source instanceof ArrayDeque<?>)) {
      throw cannotCopy(where, source, "an ArrayDeque or a LinkedList");
    }
    ArrayDeque<E> copy = (ArrayDeque<E>) ofSameClass(source);
    copier.remember(source, (Q) copy);
    if (copyElement != null) {
      // Once round the deque: each element leaves the front and its copy joins the back.
      for (int remaining = copy.size(); remaining > 0; remaining--) {
        copy.addLast(copyElement.apply(copy.pollFirst()));
      }
    }
    return (Q) copy;
  }

  // ---- sets (elements are immutable values, so they are shared) ----

  /** A copy of a set. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <E> Set<E> set(Set<E> source, Copier copier, String where) {
    if (source == null) {
      return null;
    }
    Set<E> done = copier.copied(source);
    if (done != null) {
      return done;
    }
    Set<E> copy;
    if (source instanceof HashSet<E> hashSet && !(source instanceof LinkedHashSet<?>)) {
      copy = hashSetInOrder(hashSet, where);
    } else if (source instanceof LinkedHashSet<?> || source instanceof TreeSet<?> || source instanceof EnumSet<?>) {
      copy = (Set<E>) ofSameClass(source);
    } else if (Unmodifiable.is(source)) {
      copy = source;
    } else {
      throw cannotCopy(where, source, "a HashSet, LinkedHashSet, TreeSet, EnumSet or an unmodifiable set (Set.of)");
    }
    return copier.remember(source, copy);
  }

  @SuppressWarnings("unchecked")
  private static <E> Set<E> hashSetInOrder(HashSet<E> source, String where) {
    if (source.getClass() != HashSet.class) {
      return checkedOrder((Set<E>) ofSameClass(source), source, where);
    }
    Object[] elements = source.toArray();
    for (int capacity = capacityFor(elements.length - 1); capacity <= HASH_CAPACITY_MAX; capacity <<= 1) {
      for (boolean reversed : new boolean[] {false, true}) {
        HashSet<E> copy = new HashSet<>(capacity);
        for (int i = 0; i < elements.length; i++) {
          copy.add((E) elements[reversed ? elements.length - 1 - i : i]);
        }
        if (inOrder(copy, elements)) {
          return copy;
        }
      }
    }
    throw cannotKeepOrder(where, source);
  }

  // ---- maps (keys are immutable values, so they are shared) ----

  /** A copy of a map; values are copied with {@code copyValue} unless it is null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <K, V> Map<K, V> map(Map<K, V> source, Copier copier, UnaryOperator<V> copyValue, String where) {
    if (source == null) {
      return null;
    }
    Map<K, V> done = copier.copied(source);
    if (done != null) {
      return done;
    }
    Map<K, V> copy;
    if (source instanceof HashMap<K, V> hashMap && !(source instanceof LinkedHashMap<?, ?>)) {
      copy = hashMapInOrder(hashMap, where);
    } else if (source instanceof LinkedHashMap<?, ?> || source instanceof TreeMap<?, ?> || source instanceof EnumMap<?, ?>) {
      copy = (Map<K, V>) ofSameClass(source);
    } else if (Unmodifiable.is(source)) {
      return copier.remember(source, copyValue == null ? source : unmodifiableMap(source, copyValue, where));
    } else {
      throw cannotCopy(where, source, "a HashMap, LinkedHashMap, TreeMap, EnumMap or an unmodifiable map (Map.of)");
    }
    copier.remember(source, copy);
    if (copyValue != null) {
      for (Map.Entry<K, V> entry : copy.entrySet()) {
        entry.setValue(copyValue.apply(entry.getValue()));
      }
    }
    return copy;
  }

  private static <K, V> Map<K, V> unmodifiableMap(Map<K, V> source, UnaryOperator<V> copyValue, String where) {
    if (source instanceof SortedMap<?, ?>) {
      // An unmodifiable sorted map of mutable values: TeaVM has no unmodifiableSortedMap to rebuild it with.
      throw cannotCopy(where, source, "a TreeMap, or an unmodifiable sorted map of immutable values");
    }
    Map<K, V> entries = new LinkedHashMap<>();
    for (Map.Entry<K, V> entry : source.entrySet()) {
      entries.put(entry.getKey(), copyValue.apply(entry.getValue()));
    }
    return Collections.unmodifiableMap(entries);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Map<K, V> hashMapInOrder(HashMap<K, V> source, String where) {
    if (source.getClass() != HashMap.class) {
      return checkedOrder((Map<K, V>) ofSameClass(source), source, where);
    }
    int size = source.size();
    // The source's order, recorded by the first fill, which walks the source once anyway.
    Object[] order = new Object[size];
    List<Map.Entry<K, V>> reversed = null;
    for (int capacity = capacityFor(size - 1); capacity <= HASH_CAPACITY_MAX; capacity <<= 1) {
      HashMap<K, V> copy = hashMapOf(source.entrySet(), capacity, size, order);
      if (inOrder(copy.keySet(), order)) {
        return copy;
      }
      // Where a hash table puts colliding keys first rather than last (TeaVM's), reversed input wins.
      if (reversed == null) {
        reversed = new ArrayList<>(source.entrySet());
        Collections.reverse(reversed);
      }
      copy = hashMapOf(reversed, capacity, size, null);
      if (inOrder(copy.keySet(), order)) {
        return copy;
      }
    }
    throw cannotKeepOrder(where, source);
  }

  /**
   * A HashMap of table size {@code capacity} filled with {@code entries} in their order, which it
   * records in {@code keysInOrder} unless that is null.
   */
  private static <K, V> HashMap<K, V> hashMapOf(
      Iterable<Map.Entry<K, V>> entries, int capacity, int size, Object[] keysInOrder) {
    HashMap<K, V> copy = new HashMap<>(capacity);
    int index = 0;
    // A map filled by merge or computeIfAbsent, which grow the table before they insert (put grows
    // it after), holds one entry more than put leaves in a table of this size: fill it with merge
    // then, so the table does not grow on the last entry.
    boolean oneOverThreshold = size > capacity / 4 * 3;
    for (Map.Entry<K, V> entry : entries) {
      if (keysInOrder != null) {
        keysInOrder[index++] = entry.getKey();
      }
      if (oneOverThreshold && entry.getValue() != null) {
        copy.merge(entry.getKey(), entry.getValue(), (old, value) -> value);
      } else {
        copy.put(entry.getKey(), entry.getValue());
      }
    }
    return copy;
  }


  // ---- of the same class ----

  /**
   * A shallow copy of one of the JDK's mutable collections, of the source's own class and order:
   * made by the class's copy constructor for the JDK class itself (a TreeSet or TreeMap keeps its
   * comparator, a LinkedHashMap its access order), and by {@code clone()} for a subclass, which
   * keeps the subclass and its fields. Copy constructors rather than {@code clone()} for the JDK
   * classes because TeaVM's {@code EnumMap.clone()} shares its entry set with the source, so the
   * copy's entries would be the source's.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object ofSameClass(Object source) {
    Class<?> type = source.getClass();
    if (type == ArrayList.class) {
      return new ArrayList<>((ArrayList<?>) source);
    } else if (type == LinkedList.class) {
      return new LinkedList<>((LinkedList<?>) source);
    } else if (type == ArrayDeque.class) {
      return new ArrayDeque<>((ArrayDeque<?>) source);
    } else if (type == LinkedHashSet.class) {
      return new LinkedHashSet<>((LinkedHashSet<?>) source);
    } else if (type == TreeSet.class) {
      return new TreeSet<>((SortedSet) source);
    } else if (source instanceof EnumSet enumSet) {
      return EnumSet.copyOf(enumSet);
    } else if (type == TreeMap.class) {
      return new TreeMap<>((SortedMap) source);
    } else if (type == EnumMap.class) {
      return new EnumMap<>((EnumMap) source);
    } else if (type == LinkedHashMap.class) {
      return linkedHashMapCopy((LinkedHashMap<Object, Object>) source);
    }
    return cloneOf(source);
  }

  private static Object cloneOf(Object source) {
    if (source instanceof ArrayList<?> list) {
      return list.clone();
    } else if (source instanceof LinkedList<?> list) {
      return list.clone();
    } else if (source instanceof ArrayDeque<?> deque) {
      return deque.clone();
    } else if (source instanceof HashSet<?> set) {
      return set.clone();
    } else if (source instanceof TreeSet<?> set) {
      return set.clone();
    } else if (source instanceof HashMap<?, ?> map) {
      return map.clone();
    } else if (source instanceof TreeMap<?, ?> map) {
      return map.clone();
    } else if (source instanceof EnumMap<?, ?> map) {
      return map.clone();
    }
    throw new IllegalStateException("no clone for " + source.getClass().getName());
  }

  /** A LinkedHashMap with the source's entries, order and access order. */
  private static LinkedHashMap<Object, Object> linkedHashMapCopy(LinkedHashMap<Object, Object> source) {
    LinkedHashMap<Object, Object> copy = new LinkedHashMap<>(16, 0.75f, isAccessOrdered(source));
    for (Map.Entry<Object, Object> entry : source.entrySet()) {
      copy.put(entry.getKey(), entry.getValue());
    }
    return copy;
  }

  /**
   * True if {@code map} orders its entries by access (an LRU cache), which no method shows: two
   * keys nobody else holds are added, the first is read, and the map is access-ordered if that
   * moved it last; both are removed again, which leaves the other entries as they were.
   */
  private static boolean isAccessOrdered(LinkedHashMap<Object, Object> map) {
    Object first = new Object();
    Object second = new Object();
    map.put(first, null);
    map.put(second, null);
    map.get(first);
    Object last = null;
    for (Map.Entry<Object, Object> entry : map.entrySet()) {
      last = entry.getKey();
    }
    map.remove(first);
    map.remove(second);
    return last == first;
  }

  // ---- final fields: the fresh instance's own collection, refilled ----

  /** Makes {@code target}, a fresh instance's final list, a copy of {@code source}. */
  public static <E> void refillList(
      List<E> source, List<E> target, Copier copier, UnaryOperator<E> copyElement, String where) {
    refillInOrder(source, target, copier, copyElement, where);
  }

  /** Makes {@code target}, a fresh instance's final queue, a copy of {@code source}. */
  public static <E> void refillQueue(
      Queue<E> source, Queue<E> target, Copier copier, UnaryOperator<E> copyElement, String where) {
    refillInOrder(source, target, copier, copyElement, where);
  }

  private static <E> void refillInOrder(
      Collection<E> source, Collection<E> target, Copier copier, UnaryOperator<E> copyElement, String where) {
    if (!checkRefill(source, target, copier, where)) {
      return;
    }
    target.clear();
    if (copyElement == null) {
      target.addAll(source);
      return;
    }
    for (E element : source) {
      target.add(copyElement.apply(element));
    }
  }

  /** Makes {@code target}, a fresh instance's final set, a copy of {@code source}. */
  public static <E> void refillSet(Set<E> source, Set<E> target, Copier copier, String where) {
    if (!checkRefill(source, target, copier, where)) {
      return;
    }
    target.clear();
    target.addAll(source);
    if (!sameOrder(source, target)) {
      List<E> reversed = new ArrayList<>(source);
      Collections.reverse(reversed);
      target.clear();
      target.addAll(reversed);
      checkRefilledOrder(target, source, source, where);
    }
  }

  /** Makes {@code target}, a fresh instance's final map, a copy of {@code source}. */
  public static <K, V> void refillMap(
      Map<K, V> source, Map<K, V> target, Copier copier, UnaryOperator<V> copyValue, String where) {
    if (!checkRefill(source, target, copier, where)) {
      return;
    }
    List<Map.Entry<K, V>> entries = new ArrayList<>(source.entrySet());
    target.clear();
    putAll(entries, target, copyValue);
    if (!sameOrder(source.keySet(), target.keySet())) {
      Collections.reverse(entries);
      target.clear();
      putAll(entries, target, copyValue);
      checkRefilledOrder(target.keySet(), source.keySet(), source, where);
    }
  }

  private static <K, V> void putAll(List<Map.Entry<K, V>> entries, Map<K, V> target, UnaryOperator<V> copyValue) {
    for (Map.Entry<K, V> entry : entries) {
      V value = entry.getValue();
      target.put(entry.getKey(), copyValue == null ? value : copyValue.apply(value));
    }
  }

  /**
   * Checks that a final field's collection in a fresh instance can become a copy of the source's:
   * both null or neither, the same class and comparator. Returns true if it is to be refilled, and
   * false if both are null or both are the same unmodifiable collection.
   */
  @SuppressWarnings("unchecked")
  private static boolean checkRefill(Object source, Object target, Copier copier, String where) {
    checkFinalNullness(source, target, where);
    if (source == null) {
      return false;
    }
    Object done = copier.copied(source);
    if (done != null && done != target) {
      throw new IllegalStateException(
          "cannot copy final field " + where + ": the collection it holds is also held by another field, copied"
              + " first, so the copies could not share it; make " + where + " non-final");
    }
    copier.remember(source, target);
    if (source.getClass() != target.getClass()) {
      throw new IllegalStateException(
          "cannot copy final field " + where + ": it holds a " + source.getClass().getName()
              + " but a fresh instance holds a " + target.getClass().getName()
              + "; make the field non-final, or set it the same way in every instance");
    }
    if (!Unmodifiable.isKnownModifiable(source) && Unmodifiable.is(source)) {
      checkFinalField(source, target, where);
      return false;
    }
    if (source.getClass() == LinkedHashMap.class
        && isAccessOrdered((LinkedHashMap<Object, Object>) source) != isAccessOrdered((LinkedHashMap<Object, Object>) target)) {
      throw new IllegalStateException(
          "cannot copy final field " + where + ": its LinkedHashMap and a fresh instance's differ in access order;"
              + " make the field non-final, or create it the same way in every instance");
    }
    Object sourceComparator = comparatorOf(source);
    if (!Objects.equals(sourceComparator, comparatorOf(target))) {
      throw new IllegalStateException(
          "cannot copy final field " + where + ": a fresh instance's " + source.getClass().getSimpleName()
              + " has another comparator than the source's; make the field non-final");
    }
    return true;
  }

  private static Object comparatorOf(Object collection) {
    if (collection instanceof TreeSet<?> set) {
      return set.comparator();
    }
    if (collection instanceof TreeMap<?, ?> map) {
      return map.comparator();
    }
    return null;
  }

  // ---- final values ----

  /**
   * Checks that a final field the copy cannot assign came out of the node's factory with the
   * source's value; a copy that silently differed would make forks diverge.
   */
  public static void checkFinalField(Object source, Object fresh, String field) {
    if (!Objects.equals(source, fresh)) {
      throw new IllegalStateException(
          "cannot copy final field " + field + ": the source holds " + source
              + " but a fresh instance holds " + fresh
              + "; make the field non-final, or set it the same way in every instance");
    }
  }

  /** Checks that a final array field has the source's length before its elements are copied in. */
  public static void checkFinalArrayLength(int sourceLength, int freshLength, String field) {
    if (sourceLength != freshLength) {
      throw new IllegalStateException(
          "cannot copy final array field " + field + ": the source has length " + sourceLength
              + " but a fresh instance has length " + freshLength + "; make the field non-final");
    }
  }

  /** Checks that a final field is null in both or in neither. */
  public static void checkFinalNullness(Object source, Object fresh, String field) {
    if ((source == null) != (fresh == null)) {
      throw new IllegalStateException(
          "cannot copy final field " + field + ": it is " + (source == null ? "" : "not ")
              + "null in the source but " + (fresh == null ? "" : "not ")
              + "null in a fresh instance; make the field non-final");
    }
  }

  // ---- order ----

  /** The table size a default hash map or set has once it has grown to {@code size} entries by {@code put}. */
  private static int capacityFor(int size) {
    int capacity = 16;
    while (size > capacity / 4 * 3) {
      capacity <<= 1;
    }
    return capacity;
  }

  /** True if {@code collection} iterates over exactly the objects of {@code order}, in that order. */
  private static boolean inOrder(Collection<?> collection, Object[] order) {
    if (collection.size() != order.length) {
      return false;
    }
    int index = 0;
    for (Object element : collection) {
      if (element != order[index++]) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if both iterate over the same objects in the same order. Through {@code toArray()}, which
   * hash collections fill in one internal loop, rather than two iterators in step.
   */
  private static boolean sameOrder(Collection<?> first, Collection<?> second) {
    if (first.size() != second.size()) {
      return false;
    }
    Object[] firstElements = first.toArray();
    Object[] secondElements = second.toArray();
    for (int i = 0; i < firstElements.length; i++) {
      if (firstElements[i] != secondElements[i]) {
        return false;
      }
    }
    return true;
  }


  private static <C> C checkedOrder(C copy, Object source, String where) {
    Collection<?> copied = copy instanceof Map<?, ?> map ? map.keySet() : (Collection<?>) copy;
    Collection<?> original = source instanceof Map<?, ?> map ? map.keySet() : (Collection<?>) source;
    if (!sameOrder(original, copied)) {
      throw cannotKeepOrder(where, source);
    }
    return copy;
  }

  private static void checkRefilledOrder(Collection<?> refilled, Collection<?> source, Object collection, String where) {
    if (!sameOrder(source, refilled)) {
      throw new IllegalStateException(
          "cannot copy final field " + where + " exactly: a fresh instance's " + collection.getClass().getName()
              + " cannot be refilled to iterate in the source's order (a hash table's order depends on how large"
              + " it once was); make the field non-final, so a copy can size its own table, or use a"
              + " LinkedHashMap, LinkedHashSet, TreeMap or TreeSet, whose order copies keep");
    }
  }

  private static IllegalStateException cannotKeepOrder(String where, Object source) {
    return new IllegalStateException(
        "cannot copy " + where + " exactly: no copy of its " + source.getClass().getName()
            + " iterates in the same order (a hash table's order depends on how large it once was);"
            + " use a LinkedHashMap, LinkedHashSet, TreeMap or TreeSet, whose order copies keep");
  }

  private static IllegalStateException cannotCopy(String where, Object source, String supported) {
    return new IllegalStateException(
        "cannot copy " + where + ": it holds a " + source.getClass().getName()
            + ", which Helios cannot copy exactly; hold " + supported + " instead");
  }
}
