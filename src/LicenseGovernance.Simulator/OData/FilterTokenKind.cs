namespace LicenseGovernance.Simulator.OData
{
    internal enum FilterTokenKind
    {
        End,
        Identifier,
        String,
        Integer,
        Decimal,
        Guid,
        DateTimeOffset,
        OpenParen,
        CloseParen,
        Comma,
        Colon,
        Slash,
    }
}
