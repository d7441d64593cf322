using System.Collections.Generic;

namespace LicenseGovernance.HelpGen.Model
{
    /// <summary>What the cmdlet assembly declares about one cmdlet, read from its attributes without running it.</summary>
    public sealed class CmdletInfo
    {
        public CmdletInfo(string typeName, string verb, string noun, bool supportsShouldProcess, string confirmImpact,
            string? defaultParameterSetName, IReadOnlyList<CmdletParameter> parameters, IReadOnlyList<string> outputTypes)
        {
            TypeName = typeName;
            Verb = verb;
            Noun = noun;
            SupportsShouldProcess = supportsShouldProcess;
            ConfirmImpact = confirmImpact;
            DefaultParameterSetName = defaultParameterSetName;
            Parameters = parameters;
            OutputTypes = outputTypes;
        }

        public string TypeName { get; }
        public string Verb { get; }
        public string Noun { get; }
        public string Name => Verb + "-" + Noun;
        public bool SupportsShouldProcess { get; }

        /// <summary>None, Low, Medium or High, as PowerShell's ConfirmImpact names it.</summary>
        public string ConfirmImpact { get; }
        public string? DefaultParameterSetName { get; }

        /// <summary>Declared parameters, then WhatIf and Confirm when the cmdlet supports ShouldProcess.</summary>
        public IReadOnlyList<CmdletParameter> Parameters { get; }

        /// <summary>Full type names from [OutputType], in declaration order, without duplicates.</summary>
        public IReadOnlyList<string> OutputTypes { get; }

        /// <summary>
        /// The parameter sets PowerShell would build: every named set, or the single implicit set when no parameter names one.
        /// Parameters declared for all sets belong to each of them.
        /// </summary>
        public IReadOnlyList<string> ParameterSetNames
        {
            get
            {
                var names = new List<string>();
                foreach (var parameter in Parameters)
                {
                    foreach (var binding in parameter.Bindings)
                    {
                        if (binding.SetName != CmdletParameter.AllParameterSets && !names.Contains(binding.SetName))
                        {
                            names.Add(binding.SetName);
                        }
                    }
                }

                if (names.Count == 0)
                {
                    names.Add(DefaultParameterSetName ?? CmdletParameter.AllParameterSets);
                }

                return names;
            }
        }

        /// <summary>The parameters of one set with the binding that applies in it.</summary>
        public IReadOnlyList<(CmdletParameter Parameter, ParameterBinding Binding)> ParametersInSet(string setName)
        {
            var result = new List<(CmdletParameter, ParameterBinding)>();
            foreach (var parameter in Parameters)
            {
                var binding = parameter.BindingFor(setName);
                if (binding != null)
                {
                    result.Add((parameter, binding));
                }
            }

            return result;
        }

        public override string ToString() => Name;
    }
}
