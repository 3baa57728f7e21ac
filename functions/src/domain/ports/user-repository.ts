/** Dashboard users, looked up by e-mail at sign-in. */
export interface UserRecord {
  email: string;
  role: "admin" | "marketing";
  passwordHash: string;
}

export interface UserRepository {
  get(email: string): Promise<UserRecord | undefined>;
  /** Creates the user unless one with that e-mail exists; returns whether it was created. */
  create(user: UserRecord): Promise<boolean>;
}
