namespace ClAdmin.Sim.Model;

/// <summary>A user of /etc/passwd and /etc/security/user. Attributes not modelled as
/// properties live in <see cref="Attributes"/> (attr=value, as mkuser/chuser take them).</summary>
public sealed class SimUser
{
    public string Name { get; set; } = "";

    public int Id { get; set; }

    public string Pgrp { get; set; } = "staff";

    public List<string> Groups { get; init; } = [];

    public string Home { get; set; } = "";

    public string Shell { get; set; } = "/usr/bin/ksh";

    /// <summary>Crypted password, or "*" (no password set: account disabled).</summary>
    public string PasswordHash { get; set; } = "*";

    /// <summary>pwdadm flags, e.g. ADMCHG.</summary>
    public string PasswordFlags { get; set; } = "";

    public long PasswordLastUpdate { get; set; }

    public SortedDictionary<string, string> Attributes { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>A group of /etc/group and /etc/security/group.</summary>
public sealed class SimGroup
{
    public string Name { get; set; } = "";

    public int Id { get; set; }

    public bool Admin { get; set; }

    /// <summary>Members listed in /etc/group (not users whose primary group this is).</summary>
    public List<string> Users { get; init; } = [];

    public List<string> Adms { get; init; } = [];
}
