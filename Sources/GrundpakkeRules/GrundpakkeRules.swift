import RuleDSL
