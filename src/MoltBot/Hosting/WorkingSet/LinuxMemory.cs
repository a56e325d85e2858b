using System.Runtime.InteropServices;

namespace MoltBot.Hosting.WorkingSet;

/// <summary>The two libc calls of the trim. Blittable signatures: no marshalling code, AOT-safe.</summary>
internal static class LinuxMemory
{
    /// <summary><c>MADV_DONTNEED</c> (Linux, every architecture .NET runs on).</summary>
    private const int MadvDontNeed = 4;

    /// <summary>Unmaps the pages of [start, start + length); a private file mapping refaults them from the file.</summary>
    public static void DropPages(ulong start, ulong length)
    {
        if (Madvise((nint)start, (nuint)length, MadvDontNeed) != 0)
        {
            throw new InvalidOperationException($"madvise(MADV_DONTNEED) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Returns free memory at the top of glibc's heaps to the system; false when there is nothing to return.</summary>
    public static bool TrimNativeHeap() => MallocTrim(0) != 0;

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
