using System.Runtime.InteropServices;

namespace MoltBot.Hosting.WorkingSet;

/// <summary>The one libc call of the trim. A blittable signature: no marshalling code, AOT-safe.</summary>
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

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Madvise(nint address, nuint length, int advice);
}
