// SamhandPolicy: Cedar-language subset: parser, validator, evaluator, explain, who-can.
