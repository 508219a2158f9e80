package dev.helios.runtime.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Opens a file the command line writes ({@code --trace}, {@code --results}) before any work, so a
 * bad path costs no run and is reported with why.
 */
final class OutputFile {
  /** The file cannot be opened; the message says which file and why. */
  static final class CannotWriteException extends Exception {
    CannotWriteException(String message) {
      super(message);
    }
  }

  private OutputFile() {}

  /** Opens {@code file} for writing {@code what} ("the trace"), replacing what it held. */
  static Writer open(String what, String file) throws CannotWriteException {
    String cannot = "cannot write " + what + " to " + file + ": ";
    try {
      Path path = Path.of(file);
      if (Files.isDirectory(path)) {
        throw new CannotWriteException(cannot + "it is a directory; name a file");
      }
      return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    } catch (InvalidPathException e) {
      throw new CannotWriteException(cannot + "not a valid path (" + e.getReason() + ")");
    } catch (NoSuchFileException e) {
      Path parent = Path.of(file).toAbsolutePath().getParent();
      throw new CannotWriteException(cannot + "the directory " + parent + " does not exist; create it first");
    } catch (AccessDeniedException e) {
      throw new CannotWriteException(cannot + "permission denied");
    } catch (FileSystemException e) {
      throw new CannotWriteException(cannot + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()));
    } catch (IOException e) {
      throw new CannotWriteException(cannot + e);
    }
  }
}
