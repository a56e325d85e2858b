using System.Runtime.InteropServices;

namespace MoltBot.Agent.Tools.Exec;

/// <summary>The two libc calls .NET does not offer: signalling a whole process group, and a file's type without opening it.</summary>
internal static class NativeMethods
{
    public const int SigKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Sends SIGKILL to every process in the group <paramref name="processGroupId"/>; false when none is left.</summary>
    public static bool KillProcessGroup(int processGroupId)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }
        try
        {
            return Kill(-processGroupId, SigKill) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }
}
