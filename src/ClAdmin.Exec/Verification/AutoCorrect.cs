namespace ClAdmin.Exec.Verification;

/// <summary>"Automatically correct errors found during verification?": No, Yes, or Interactively (ask before each fix).</summary>
public enum AutoCorrect
{
    No,
    Yes,
    Interactively,
}
