namespace MoltBot.Configuration.Schema;

internal enum ConfigValueKind
{
    /// <summary>An object whose member names are the child keys listed in the schema.</summary>
    Section,

    /// <summary>An object with free member names (ids); every member follows the schema key <c>&lt;path&gt;.*</c>.</summary>
    Map,

    /// <summary>An array of objects; every item follows the schema key <c>&lt;path&gt;[]</c>.</summary>
    List,

    String,

    /// <summary>A string that is never printed; its <see cref="SecretValue.Source"/> says where it came from.</summary>
    Secret,

    Integer,
    Boolean,

    /// <summary>A string from <see cref="ConfigKey.Allowed"/>.</summary>
    Enum,

    /// <summary><c>loopback</c>, <c>lan</c> or an IP address.</summary>
    BindAddress,

    StringList,

    /// <summary>A model ref string (the primary) or <c>{primary, fallbacks}</c>.</summary>
    ModelSelection,

    /// <summary>A decimal number (prices, dollar budgets); <see cref="double"/> in <see cref="ConfigValues"/>.</summary>
    Number,

    /// <summary>A top-level section owned by a later feature: accepted as-is, not validated here.</summary>
    External,

    /// <summary>An old OpenClaw shape: always an error that says where the setting moved.</summary>
    Legacy,
}
