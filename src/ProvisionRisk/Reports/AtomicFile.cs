namespace ProvisionRisk;

/// <summary>Writes files atomically: into a temporary file beside the destination, then renamed over it, so a
/// failure or interruption never leaves a half-written or replaced file.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> by calling <paramref name="write"/> on a temporary file, then renaming it.</summary>
    /// <param name="path">The destination.</param>
    /// <param name="write">Writes the content.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (IsDevice(full))
        {
            // A device such as /dev/null or /dev/stdout cannot be replaced by a rename (and must not be): write to it.
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            return;
        }

        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Whether a path names a device rather than a file: anything under /dev on Unix, or a reserved device
    /// name (NUL, CON, …) on Windows.</summary>
    internal static bool IsDevice(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            var name = Path.GetFileNameWithoutExtension(fullPath).ToUpperInvariant();
            return fullPath.StartsWith(@"\\.\", StringComparison.Ordinal)
                || name is "NUL" or "CON" or "PRN" or "AUX" || (name.Length == 4 && (name.StartsWith("COM", StringComparison.Ordinal) || name.StartsWith("LPT", StringComparison.Ordinal)) && char.IsDigit(name[3]));
        }

        return fullPath.StartsWith("/dev/", StringComparison.Ordinal);
    }

    /// <summary>Writes text to <paramref name="path"/> atomically (UTF-8, no BOM).</summary>
    /// <param name="path">The destination.</param>
    /// <param name="write">Writes the text.</param>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });
    }
}
