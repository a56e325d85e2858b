using System.Runtime.InteropServices;
using System.Text;

namespace MoltBot.Agent.Tools.Files;

/// <summary>
/// What a path is, without opening it (opening a FIFO blocks; reading a device never ends). .NET reports only file
/// or directory, so this asks the kernel (<c>statx</c>, whose layout is the same on every Linux architecture).
/// </summary>
internal static class FileKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 0x1C;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>True for regular files and directories (also when the type cannot be read on this OS); false for devices, FIFOs, sockets.</summary>
    public static bool IsRegularOrDirectory(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }
        var name = Encoding.UTF8.GetBytes(path + "\0");
        var buffer = new byte[256];
        if (Statx(AtFdCwd, ref name[0], AtSymlinkNoFollow, StatxType, ref buffer[0]) != 0)
        {
            return !File.Exists(path) && !System.IO.Directory.Exists(path); // nothing there: the caller decides
        }
        var type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return type is RegularFile or Directory;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directoryFd, ref byte path, int flags, uint mask, ref byte statxBuffer);
}
