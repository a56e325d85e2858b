namespace MoltBot.Configuration;

/// <summary>The <c>tools</c> section: which tools agents may use, and what <c>exec</c> may do.</summary>
internal sealed record ToolsConfig
{
    public IReadOnlyList<string> Allow { get; init; } = [];
    public IReadOnlyList<string> Deny { get; init; } = [];
    public ExecConfig Exec { get; init; } = new();
    public WebToolsConfig Web { get; init; } = new();
}

/// <summary>Tool name patterns (<c>*</c> wildcards): an empty allow list allows every tool; deny wins.</summary>
internal sealed record ToolPolicyConfig
{
    public IReadOnlyList<string> Allow { get; init; } = [];
    public IReadOnlyList<string> Deny { get; init; } = [];
}

/// <summary><c>tools.exec</c>. Defaults are the safe ones: nothing runs without the owner's approval.</summary>
internal sealed record ExecConfig
{
    public const string SecurityDeny = "deny";
    public const string SecurityAllowlist = "allowlist";
    public const string SecurityFull = "full";
    public const string AskOff = "off";
    public const string AskOnMiss = "on-miss";
    public const string AskAlways = "always";

    public string Security { get; init; } = SecurityAllowlist;
    public string Ask { get; init; } = AskOnMiss;
    public IReadOnlyList<string> Allowlist { get; init; } = [];
    public int TimeoutSeconds { get; init; } = 30;
    public int MaxTimeoutSeconds { get; init; } = 600;
    public int ApprovalTimeoutSeconds { get; init; } = 300;
    public int MaxOutputBytes { get; init; } = 64 * 1024;
    public bool Sandbox { get; init; }
    public bool Network { get; init; }
}
