namespace MoltBot.Tests.Hosting.WorkingSet;

/// <summary>A trimmed <c>/proc/self/smaps</c> of an AOT gateway: the binary's mappings, its heap, a library and a stack.</summary>
internal static class SmapsSample
{
    public const string Executable = "/opt/moltbot/moltbot";

    public const string Text = """
        55d0c0a00000-55d0c1200000 r--p 00000000 fe:00 1311                       /opt/moltbot/moltbot
        Size:               8192 kB
        Rss:                6144 kB
        Pss:                6144 kB
        Anonymous:             0 kB
        THPeligible:           0
        VmFlags: rd mr mw me dw sd
        55d0c1200000-55d0c2200000 r-xp 00800000 fe:00 1311                       /opt/moltbot/moltbot
        Size:              16384 kB
        Rss:               12288 kB
        Anonymous:             0 kB
        VmFlags: rd ex mr mw me dw sd
        55d0c2200000-55d0c2300000 r--p 01800000 fe:00 1311                       /opt/moltbot/moltbot
        Size:               1024 kB
        Rss:                 512 kB
        Anonymous:           512 kB
        VmFlags: rd mr mw me dw ac sd
        55d0c2300000-55d0c2400000 rw-p 01900000 fe:00 1311                       /opt/moltbot/moltbot
        Size:               1024 kB
        Rss:                1024 kB
        Anonymous:             4 kB
        VmFlags: rd wr mr mw me dw ac sd
        55d0c2400000-55d0c2500000 rw-p 01a00000 fe:00 1311                       /opt/moltbot/moltbot
        Size:               1024 kB
        Rss:                 100 kB
        Anonymous:             0 kB
        VmFlags: rd wr mr mw me dw ac sd
        55d0c2500000-55d0c2600000 r--p 01b00000 fe:00 1311                       /opt/moltbot/moltbot
        Size:               1024 kB
        Rss:                   0 kB
        Anonymous:             0 kB
        VmFlags: rd mr mw me dw sd
        55d0c3000000-55d0c4000000 rw-p 00000000 00:00 0                          [heap]
        Size:              16384 kB
        Rss:                8000 kB
        Anonymous:          8000 kB
        VmFlags: rd wr mr mw me ac sd
        7f1e2a000000-7f1e2a1b0000 r-xp 00028000 fe:00 2050                       /usr/lib/x86_64-linux-gnu/libc.so.6
        Size:               1728 kB
        Rss:                1100 kB
        Anonymous:             0 kB
        VmFlags: rd ex mr mw me sd
        7f1e2b000000-7f1e2b100000 r--p 00000000 fe:00 4242                       /opt/moltbot/moltbot copy (deleted)
        Size:               1024 kB
        Rss:                 256 kB
        Anonymous:             0 kB
        VmFlags: rd mr mw me sd
        7ffd5a000000-7ffd5a021000 rw-p 00000000 00:00 0                          [stack]
        Size:                132 kB
        Rss:                  40 kB
        Anonymous:            40 kB
        VmFlags: rd wr mr mw me gd ac
        """;
}
